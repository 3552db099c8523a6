"""Who may delete a page: administrators, and an author their own draft that never left them.

Out of the box Wagtail lets anyone with "change" permission delete (or move) a page that is
not live, a page in review included. The stricter rule lives in one place, the page permission
tester that every Wagtail path asks (``can_delete``): the delete view, bulk delete, the "Delete"
item of the page listing and header menus, and moving (Wagtail treats a move as delete + add).
Page models opt in with ``EditorialPermissionsMixin``; a system check makes sure none forgets.

Refused attempts through the delete view or bulk delete get a message and an audit-log entry.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.checks import CheckMessage, Error, register
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import Resolver404, get_resolver, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page, PagePermissionTester, WorkflowState, get_page_models
from wagtail.models.content_types import get_default_page_content_type

DELETE_REFUSED_ACTION = "workflow.delete_refused"


def deletion_refusal(user: AbstractBaseUser, page: Page) -> str | None:
    """Why ``user`` may not delete ``page`` with its subpages; None when they may.

    Administrators may delete anything Wagtail allows. Anyone else only a page they own that
    was never published and never submitted for review, nor is anything below it.
    """
    if user.is_active and user.is_superuser:
        return None
    if page.owner_id != user.pk:
        return _("only administrators can delete a page that someone else created.")
    pages = Page.objects.descendant_of(page, inclusive=True)
    if pages.exclude(owner=user).exists():
        return _("only administrators can delete a page that someone else created.")
    if pages.filter(Q(live=True) | Q(first_published_at__isnull=False)).exists():
        return _("only administrators can delete a page that has been published.")
    page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    if WorkflowState.objects.filter(
        base_content_type=get_default_page_content_type(), object_id__in=page_ids
    ).exists():
        return _("only administrators can delete a page that has been submitted for review.")
    return None


class EditorialPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, with deletion (and so moving) narrowed by ``deletion_refusal``."""

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        return (
            super().can_delete(ignore_bulk=ignore_bulk)
            and deletion_refusal(self.user, self.page) is None
        )


class EditorialPermissionsMixin:
    """Page models use the editorial permission tester (Wagtail's documented override)."""

    def permissions_for_user(self, user: AbstractBaseUser) -> PagePermissionTester:
        return EditorialPagePermissionTester(user, self)


@register()
def check_page_models_use_editorial_permissions(**kwargs) -> list[CheckMessage]:
    """A page type without the mixin would let editors delete its pages in review."""
    return [
        Error(
            f"{model._meta.label} does not use EditorialPermissionsMixin.",
            hint="Add workflow.deletion.EditorialPermissionsMixin to its bases.",
            obj=model,
            id="workflow.E001",
        )
        for model in get_page_models()
        if model is not Page and not issubclass(model, EditorialPermissionsMixin)
    ]


def refuse_deletion(request: HttpRequest, refused: Iterable[Page]) -> None:
    """Log each refused page with who and why, and tell the person in one message."""
    titles = []
    for page in refused:
        reason = deletion_refusal(request.user, page) or _(
            "you do not have permission to delete it."
        )
        log(
            instance=page,
            action=DELETE_REFUSED_ACTION,
            user=request.user,
            data={"reason": str(reason), "path": request.path},
        )
        titles.append(f"“{page.get_admin_display_title()}”: {reason}")
    messages.error(request, _("Nothing was deleted. %(pages)s") % {"pages": " ".join(titles)})


def refuse_bulk_deletion(
    request: HttpRequest, action_type: str, objects: list, action_class_instance: object
) -> HttpResponse | None:
    """``before_bulk_action``: one page the user may not delete stops the whole bulk delete."""
    if action_type != "delete" or getattr(action_class_instance, "model", None) is not Page:
        return None
    allowed, extra = action_class_instance.get_actionable_objects()
    refused = list(extra.get("items_with_no_access", []))
    refused += [page for page in allowed if deletion_refusal(request.user, page)]
    if not refused:
        return None
    refuse_deletion(request, refused)
    return redirect(action_class_instance.next_url)


def wagtail_delete_view(request: HttpRequest) -> HttpResponse:
    """The view the address would reach without the guard (Wagtail's, as the site wraps it)."""
    resolver = get_resolver()
    path = request.path_info.lstrip("/")
    for pattern in resolver.url_patterns:
        if getattr(pattern, "callback", None) is delete_page:
            continue
        try:
            match = pattern.resolve(path)
        except Resolver404:
            continue
        if match:
            return match.func(request, *match.args, **match.kwargs)
    raise LookupError("Wagtail's page delete view is not in the URL configuration")


@require_admin_access
@never_cache
def delete_page(request: HttpRequest, page_id: int) -> HttpResponse:
    """In front of Wagtail's delete view (same address) so a refusal is explained and logged."""
    page = get_object_or_404(Page, id=page_id).specific
    if page.permissions_for_user(request.user).can_delete():
        return wagtail_delete_view(request)
    refuse_deletion(request, [page])
    if page.permissions_for_user(request.user).can_edit():
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))


class DeletionRefusedFormatter(LogFormatter):
    label = gettext_lazy("Deletion refused")

    def format_message(self, log_entry) -> str:
        return _("Deletion refused: %(reason)s") % {"reason": log_entry.data.get("reason", "")}
