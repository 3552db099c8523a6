"""The two stages of the review workflow: Wagtail group approval tasks with the hospital's rules.

Wagtail asks a task which actions a user may take (``get_actions``); its admin views refuse any
action not in that list, and ``on_action`` checks again against the task state it is actually
given, so neither the admin nor a crafted request can approve what the rules forbid.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.log_actions import log
from wagtail.models import GroupApprovalTask, Revision, TaskState, WorkflowState

from workflow.publishing import record_clinical_review
from workflow.rules import (
    APPROVE,
    REJECT,
    Action,
    ApprovalFacts,
    approval_refusals,
    without_approval,
)

REVIEW_ACTION_REFUSED = "workflow.review_action_refused"


def log_refused_action(
    task_state: TaskState, user: AbstractBaseUser, action_name: str, reasons: list[str]
) -> None:
    """Write a refused review action (a forced approve, say) into the page's history."""
    page = task_state.workflow_state.content_object
    log(
        instance=page,
        action=REVIEW_ACTION_REFUSED,
        user=user,
        revision=task_state.revision,
        data={"task": task_state.task.name, "action": action_name, "reasons": reasons},
    )


class RejectionForm(TaskStateCommentForm):
    """Requesting changes always says why: the author reads this comment."""

    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea({"rows": 4}),
        help_text=_("The author receives this comment by email and sees it in the editor."),
    )


class ReviewRules:
    """Separation of duties and the page's own blockers, shared by both review stages."""

    def in_progress_state_for(self, obj: models.Model) -> TaskState | None:
        """This task's state for ``obj`` while its review run is in progress, if any."""
        return (
            TaskState.objects.filter(
                task_id=self.pk,
                status=TaskState.STATUS_IN_PROGRESS,
                workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
                workflow_state__base_content_type=obj.get_base_content_type(),
                workflow_state__object_id=str(obj.pk),
            )
            .select_related("workflow_state", "revision")
            .first()
        )

    def page_blockers(self, task_state: TaskState) -> list[str]:
        """What the page itself says stops approval, read from the revision under review."""
        page = task_state.revision.as_object()
        review_blockers = getattr(page, "review_blockers", None)
        return [str(reason) for reason in review_blockers()] if callable(review_blockers) else []

    def revision_editor_ids(self, workflow_state: WorkflowState) -> frozenset[int]:
        """Everyone who saved a revision since the page was last published.

        "Since" counts from the live revision's creation (a scheduled page went live after
        later drafts were saved), else from the last publication; a page never published
        counts every revision it has.
        """
        revisions = Revision.objects.filter(
            base_content_type_id=workflow_state.base_content_type_id,
            object_id=workflow_state.object_id,
            user__isnull=False,
        )
        page = workflow_state.content_object
        live_revision = getattr(page, "live_revision", None)
        since = live_revision.created_at if live_revision else page.last_published_at
        if since is not None:
            revisions = revisions.filter(created_at__gt=since)
        return frozenset(revisions.values_list("user_id", flat=True).distinct())

    def approval_facts(self, task_state: TaskState, user: AbstractBaseUser) -> ApprovalFacts:
        workflow_state = task_state.workflow_state
        other_approvers = (
            TaskState.objects.filter(
                workflow_state=workflow_state,
                status=TaskState.STATUS_APPROVED,
                finished_by__isnull=False,
            )
            .exclude(task_id=self.pk)
            .values_list("finished_by_id", flat=True)
        )
        editors = set(self.revision_editor_ids(workflow_state))
        if task_state.revision.user_id is not None:
            editors.add(task_state.revision.user_id)
        return ApprovalFacts(
            user_id=user.pk,
            submitted_by_id=workflow_state.requested_by_id,
            revision_editor_ids=frozenset(editors),
            other_stage_approver_ids=frozenset(other_approvers),
            page_blockers=tuple(self.page_blockers(task_state)),
        )

    def approval_refusals(self, task_state: TaskState, user: AbstractBaseUser) -> list[str]:
        """Why ``user`` may not approve this task state; empty when they may."""
        return approval_refusals(self.approval_facts(task_state, user))

    def get_actions(self, obj: models.Model, user: AbstractBaseUser) -> list[Action]:
        actions = super().get_actions(obj, user)
        if not any(name == APPROVE for name, _label, _modal in actions):
            return actions
        task_state = self.in_progress_state_for(obj)
        if task_state is None or self.approval_refusals(task_state, user):
            return without_approval(actions)
        return actions

    def get_form_for_action(self, action: str) -> type[forms.Form]:
        if action == REJECT:
            return RejectionForm
        return super().get_form_for_action(action)

    def allowed_action_names(self, task_state: TaskState, user: AbstractBaseUser) -> set[str]:
        """The actions this user may take on this very task state.

        Wagtail's views check ``get_actions`` against the page in the URL, but act on the task
        state named in the URL; checking the task state itself closes that gap.
        """
        if (
            task_state.task_id != self.pk
            or task_state.status != TaskState.STATUS_IN_PROGRESS
            or task_state.workflow_state.status != WorkflowState.STATUS_IN_PROGRESS
        ):
            return set()
        page = task_state.workflow_state.content_object
        names = {name for name, _label, _modal in super().get_actions(page, user)}
        if APPROVE in names and self.approval_refusals(task_state, user):
            names.discard(APPROVE)
        return names

    def on_action(
        self, task_state: TaskState, user: AbstractBaseUser, action_name: str, **kwargs: Any
    ) -> Any:
        if action_name not in self.allowed_action_names(task_state, user):
            reasons = self.approval_refusals(task_state, user) if action_name == APPROVE else []
            log_refused_action(task_state, user, action_name, reasons)
            raise PermissionDenied(_("This review action is not available to you."))
        if action_name == REJECT and not str(kwargs.get("comment", "")).strip():
            raise PermissionDenied(_("Requesting changes needs a comment for the author."))
        return self.perform_action(task_state, user, action_name, **kwargs)

    @transaction.atomic
    def perform_action(
        self, task_state: TaskState, user: AbstractBaseUser, action_name: str, **kwargs: Any
    ) -> Any:
        if action_name == APPROVE:
            self.before_approval(task_state, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    def before_approval(self, task_state: TaskState, user: AbstractBaseUser) -> None:
        """Record what this stage vouches for, inside the approval's transaction."""


class ClinicalReviewTask(ReviewRules, GroupApprovalTask):
    """A clinician checks medical accuracy and consent; approval records who and when."""

    def before_approval(self, task_state: TaskState, user: AbstractBaseUser) -> None:
        record_clinical_review(task_state, user)

    @classmethod
    def get_description(cls) -> str:
        return _(
            "A clinical reviewer who neither submitted nor edited the page checks it; "
            "stories about patients need valid consent."
        )

    class Meta:
        verbose_name = _("clinical review task")
        verbose_name_plural = _("clinical review tasks")
        # The workflow's reports (workflow.reports) are about its reviews: their permission
        # lives on the workflow's own task model, granted to the review groups by migration.
        permissions = [
            (
                "view_review_reports",
                _("Can see the review reports (due for clinical re-review, overdue reviews)"),
            )
        ]


class CommsSignoffTask(ReviewRules, GroupApprovalTask):
    """Communications gives the final approval, which publishes the page."""

    @classmethod
    def get_description(cls) -> str:
        return _(
            "Communications signs off; the approver cannot have submitted, edited or "
            "approved an earlier stage. Approval publishes."
        )

    class Meta:
        verbose_name = _("communications sign-off task")
        verbose_name_plural = _("communications sign-off tasks")
