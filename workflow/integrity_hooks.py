"""Admin wiring of review integrity: the publishing guard in the editor, refused approvals
logged wherever they are forced, and the history labels of every refusal.

Loaded by ``workflow.wagtail_hooks``; loads in turn the editors' day: the submission check
(``workflow.submission``) and the dashboard's quick actions (``workflow.dashboard``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import (
    CollectWorkflowActionDataView,
    WorkflowActionView,
)
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, TaskState

from workflow import (  # noqa: F401 - register the dashboard's quick actions, history wording
    dashboard,
    vocabulary,
)
from workflow.compare import FirstReviewCompareView
from workflow.consent_forms import CONSENT_CHANGE_REFUSED_ACTION
from workflow.guard import (
    PUBLICATION_REFUSED_ACTION,
    ROUTE_COPY,
    ROUTE_EDITOR,
    refusal_message,
    refuse_publication,
)
from workflow.models.tasks import REVIEW_ACTION_REFUSED, ReviewRules, log_refused_action
from workflow.publishing import reviewable_page_models
from workflow.rules import APPROVE
from workflow.submission import approval_message


@hooks.register("before_publish_page")
def guard_publish_from_editor(request: HttpRequest, page: Page) -> HttpResponse | None:
    """An administrator's "Publish" in the editor meets the publishing guard first.

    The draft the form just saved stays a draft; nothing readers see changes.
    """
    revision = page.get_latest_revision()
    if revision is None:
        return None
    reasons = refuse_publication(revision, user=request.user, route=ROUTE_EDITOR)
    if not reasons:
        return None
    messages.error(request, refusal_message(reasons))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_copy_page")
def guard_publish_copies(request: HttpRequest, page: Page) -> HttpResponse | None:
    """Copying with "Publish copies" puts new pages live: the guard asks each copied page."""
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    pages = [page]
    if request.POST.get("copy_subpages"):
        pages += list(page.get_descendants())
    refused: list[str] = []
    for candidate in pages:
        revision = candidate.specific.get_latest_revision()
        if revision is not None and refuse_publication(
            revision, user=request.user, route=ROUTE_COPY
        ):
            refused.append(candidate.title)
    if not refused:
        return None
    messages.error(
        request,
        _("Nothing was copied: %(titles)s cannot go live while its review checks fail.")
        % {"titles": ", ".join(refused)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class LoggedRefusalMixin:
    """Wagtail refuses an action missing from ``get_actions`` with a 403; log it first."""

    def check_action(self) -> None:
        try:
            super().check_action()
        except PermissionDenied:
            task = self.task
            if isinstance(task, ReviewRules):
                reasons = (
                    task.approval_refusals(self.task_state, self.request.user)
                    if self.action_name == APPROVE
                    else []
                )
                log_refused_action(self.task_state, self.request.user, self.action_name, reasons)
            raise


class GuardedWorkflowActionView(LoggedRefusalMixin, WorkflowActionView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """An approval is confirmed: where the page went next (next stage, or published)."""
        response = super().post(request, *args, **kwargs)
        approved = TaskState.objects.filter(
            pk=self.task_state.pk, status=TaskState.STATUS_APPROVED
        ).exists()
        if self.action_name == APPROVE and approved:
            messages.success(request, approval_message(self.object))
        return response


class GuardedCollectWorkflowActionDataView(LoggedRefusalMixin, CollectWorkflowActionDataView):
    pass


class ReviewedPageViewSet(PageViewSet):
    """Wagtail's page views for a reviewable page type, with logged workflow-action refusals."""

    workflow_action_view_class = GuardedWorkflowActionView
    revisions_compare_view_class = FirstReviewCompareView
    collect_workflow_action_data_view_class = GuardedCollectWorkflowActionDataView


@hooks.register("register_admin_viewset")
def register_reviewed_page_viewsets() -> list[PageViewSet]:
    return [
        ReviewedPageViewSet(f"reviewed_{model._meta.label_lower.replace('.', '_')}", model=model)
        for model in reviewable_page_models()
    ]


@hooks.register("before_edit_page")
def refuse_forced_approval_in_editor(request: HttpRequest, page: Page) -> HttpResponse | None:
    """The editor's workflow button posts the action name; a refused approve saves nothing.

    Wagtail would otherwise treat an unavailable action as a plain save.
    """
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if request.POST.get("workflow-action-name") != APPROVE:
        return None
    workflow_state = page.current_workflow_state
    task_state = workflow_state.current_task_state if workflow_state else None
    if task_state is None:
        return None
    task = task_state.task.specific
    if not isinstance(task, ReviewRules) or APPROVE in task.allowed_action_names(
        task_state, request.user
    ):
        return None
    reasons = task.approval_refusals(task_state, request.user)
    log_refused_action(task_state, request.user, APPROVE, reasons)
    messages.error(
        request,
        _("You cannot approve this page at “%(task)s”: %(reasons)s")
        % {"task": task.name, "reasons": " ".join(reasons)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class RefusalFormatter(LogFormatter):
    def format_message(self, log_entry: Any) -> str:
        reasons = log_entry.data.get("reasons") or log_entry.data.get("fields") or []
        return f"{self.label}: {'; '.join(str(reason) for reason in reasons)}"


@hooks.register("register_log_actions")
def register_integrity_log_actions(actions: Any) -> None:
    @actions.register_action(PUBLICATION_REFUSED_ACTION)
    class PublicationRefusedFormatter(RefusalFormatter):
        label = _("Publication refused: review checks fail")

    @actions.register_action(REVIEW_ACTION_REFUSED)
    class ReviewActionRefusedFormatter(RefusalFormatter):
        label = _("Review action refused")

    @actions.register_action(CONSENT_CHANGE_REFUSED_ACTION)
    class ConsentChangeRefusedFormatter(RefusalFormatter):
        label = _("Consent change refused (final facts)")
