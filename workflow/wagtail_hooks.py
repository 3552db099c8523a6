"""Admin wiring of the editorial workflow: consent snippet, audit-log actions, editor notices,
revocation enforcement and the clinical re-review report."""

from __future__ import annotations

from importlib import import_module

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, WorkflowState
from wagtail.snippets.models import register_snippet

from clinic_site.admin_access import PermissionMenuItem, report_urls
from workflow.consent_enforcement import CONSENT_UNPUBLISH_ACTION, enforce_consent
from workflow.deletion import (
    DELETE_REFUSED_ACTION,
    DeletionRefusedFormatter,
    refuse_bulk_deletion,
)
from workflow.editor_actions import perform_review_action_without_edit
from workflow.models import ConsentRecord
from workflow.models.tasks import ReviewRules
from workflow.publishing import CLINICAL_REVIEW_ACTION, PUBLISHED_AFTER_REVIEW_ACTION, display_name
from workflow.runs import RESTART_AFTER_EDIT_ACTION
from workflow.views import REVIEW_REPORTS_PERMISSION, ClinicalRereviewReportView
from workflow.viewsets import ConsentRecordViewSet

register_snippet(ConsentRecordViewSet)

# Publishing guard in the editor, logged refusals of forced approvals.
import_module("workflow.integrity_hooks")


@hooks.register("register_log_actions")
def register_workflow_log_actions(actions) -> None:
    @actions.register_action(CLINICAL_REVIEW_ACTION)
    class ClinicalReviewFormatter(LogFormatter):
        label = _("Clinical review recorded")

        def format_message(self, log_entry) -> str:
            return _("Clinically reviewed by %(name)s") % {
                "name": log_entry.data.get("reviewer", "")
            }

    @actions.register_action(PUBLISHED_AFTER_REVIEW_ACTION)
    class PublishedAfterReviewFormatter(LogFormatter):
        label = _("Published after review")

        def format_message(self, log_entry) -> str:
            approvals = "; ".join(
                f"{approval.get('task')}: {approval.get('approved_by')}"
                for approval in log_entry.data.get("approvals", [])
            )
            return _("Published after review (%(approvals)s)") % {"approvals": approvals}

    @actions.register_action(RESTART_AFTER_EDIT_ACTION)
    class RestartFormatter(LogFormatter):
        label = _("Review restarted after an edit")

        def format_message(self, log_entry) -> str:
            return _("Edited during “%(cancelled)s”; review restarted at “%(task)s”") % {
                "cancelled": log_entry.data.get("cancelled_task", ""),
                "task": log_entry.data.get("restarted_task", ""),
            }

    @actions.register_action(CONSENT_UNPUBLISH_ACTION)
    class ConsentUnpublishFormatter(LogFormatter):
        label = _("Unpublished: consent no longer valid")

        def format_message(self, log_entry) -> str:
            return _("Unpublished because its consent is no longer valid: %(reasons)s") % {
                "reasons": "; ".join(log_entry.data.get("reasons", []))
            }


@hooks.register("before_edit_page")
def explain_review_state(request: HttpRequest, page: Page) -> None:
    """Tell the person in the editor what the review needs from them.

    A reviewer who may not approve sees why (separation of duties, missing consent); an author
    whose page came back sees the reviewer's comment.
    """
    if request.method != "GET":
        return
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.current_task_state is None:
        return
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        if task_state.comment:
            messages.warning(
                request,
                _("Changes requested at “%(task)s” by %(reviewer)s: “%(comment)s”")
                % {
                    "task": task.name,
                    "reviewer": display_name(task_state.finished_by),
                    "comment": task_state.comment,
                },
            )
        return
    if not isinstance(task, ReviewRules) or not task.get_actions(page, request.user):
        return
    refusals = task.approval_refusals(task_state, request.user)
    if refusals:
        messages.warning(
            request,
            _("You cannot approve this page at “%(task)s”: %(reasons)s")
            % {"task": task.name, "reasons": " ".join(refusals)},
        )


@hooks.register("after_edit_snippet")
def enforce_revoked_consent(request: HttpRequest, instance: object) -> None:
    """A consent revoked, invalidated or narrowed in the admin takes its stories down at once."""
    if not isinstance(instance, ConsentRecord):
        return
    report = enforce_consent([instance], user=request.user)
    if report.unpublished:
        messages.warning(
            request,
            ngettext(
                "%(count)d page relying on this consent was unpublished: %(titles)s.",
                "%(count)d pages relying on this consent were unpublished: %(titles)s.",
                len(report.unpublished),
            )
            % {
                "count": len(report.unpublished),
                "titles": ", ".join(page.title for page in report.unpublished),
            },
        )


@hooks.register("register_admin_urls")
def register_rereview_report_urls() -> list:
    return report_urls(
        ClinicalRereviewReportView, "reports/clinical-rereview/", "workflow_rereview_report"
    )


@hooks.register("register_reports_menu_item")
def register_rereview_report_menu_item() -> MenuItem:
    return PermissionMenuItem(
        ClinicalRereviewReportView.page_title,
        reverse("workflow_rereview_report"),
        name="clinical-rereview",
        icon_name="time",
        order=750,
        permission=REVIEW_REPORTS_PERMISSION,
    )


# Page deletion (workflow.deletion): refusals through bulk delete are explained and logged.
hooks.register("before_bulk_action", refuse_bulk_deletion)
# A review action from the editor on unchanged content saves no revision (editor_actions).
hooks.register("before_edit_page", perform_review_action_without_edit)


@hooks.register("register_log_actions")
def register_deletion_log_actions(actions) -> None:
    actions.register_action(DELETE_REFUSED_ACTION)(DeletionRefusedFormatter)


# The storyteller's approval link: the editor's menu item, its view and history entries.
import_module("workflow.storyteller_hooks")
# Reviews that stall: the dashboard's "Overdue reviews", its report and the reminders' history.
import_module("workflow.overdue_admin")
