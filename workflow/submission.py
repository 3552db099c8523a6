"""Submitting for review asks the page's review blockers first; drafts never do.

A draft (and every autosave) is saved however unfinished it is: Wagtail defers required fields
for drafts, and the video block leaves an empty transcript to the blockers. "Submit for review"
is where the page must be complete: the posted form is read as the page would be submitted, its
``review_blockers()`` (the same rules the reviewers' approval and the publishing guard ask) are
checked, and if any is left the submission becomes a plain draft save, with a message listing
what is missing. Nothing of the author's work is lost and no review starts.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Page


def blockers_of_posted_page(request: HttpRequest, page: Page, parent: Page) -> list[str]:
    """The review blockers of ``page`` as the posted edit form would save it.

    The form is validated the way a draft is (required fields deferred): an incomplete page
    still answers what it lacks. An invalid form answers nothing, and Wagtail shows its errors.
    """
    review_blockers = getattr(page, "review_blockers", None)
    if not callable(review_blockers):
        return []
    form_class = type(page).get_edit_handler().get_form_class()
    form = form_class(
        request.POST, request.FILES, instance=page, parent_page=parent, for_user=request.user
    )
    form.defer_required_fields()
    if not form.is_valid():
        return []
    candidate = form.save(commit=False)
    return [str(reason) for reason in candidate.review_blockers()]


def hold_submission(request: HttpRequest, page: Page, parent: Page) -> None:
    """Turn a "Submit for review" with review blockers into a draft save, and say why."""
    if request.method != "POST" or not request.POST.get("action-submit"):
        return
    blockers = blockers_of_posted_page(request, page, parent)
    if not blockers:
        return
    data = request.POST.copy()
    del data["action-submit"]
    request.POST = data
    messages.error(request, not_submitted_message(blockers))


def not_submitted_message(blockers: list[str]) -> str:
    """The one wording of a refused submission (the editor's and a translation's)."""
    return _("Not submitted for review: the draft is saved, but first %(reasons)s") % {
        "reasons": " ".join(blockers)
    }


@hooks.register("before_edit_page")
def hold_incomplete_submission(request: HttpRequest, page: Page) -> None:
    if request.method != "POST" or not request.POST.get("action-submit"):
        return
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    hold_submission(request, draft, page.get_parent())


@hooks.register("before_create_page")
def hold_incomplete_first_submission(
    request: HttpRequest, parent_page: Page, page_class: type[Page]
) -> None:
    if request.method != "POST" or not request.POST.get("action-submit"):
        return
    hold_submission(request, page_class(owner=request.user), parent_page)


def approval_message(page: Any) -> str:
    """What the approver sees after approving: where the page went next."""
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    title = page.get_admin_display_title()
    if state is not None and state.current_task_state is not None:
        return _("Approved: %(page)s — sent to %(next)s.") % {
            "page": title,
            "next": state.current_task_state.task.name,
        }
    scheduled = page.scheduled_revision
    if scheduled is not None:
        return _("Approved: %(page)s — it will go live on %(date)s, as scheduled.") % {
            "page": title,
            "date": date_format(localtime(scheduled.approved_go_live_at), "DATETIME_FORMAT"),
        }
    if page.live:
        return _("Approved: %(page)s — published.") % {"page": title}
    return _(
        "Approved: %(page)s — but not published: its review checks fail (see its history)."
    ) % {"page": title}
