"""Keeping a review run honest: an edit in the middle of review sends it back to the start.

Wagtail's ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` only discounts earlier approvals once
the current stage finishes; restarting at once means the clinical reviewers are asked straight
away and nobody approves a version other than the one they are shown.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.signals import task_cancelled

RESTART_AFTER_EDIT_ACTION = "workflow.restart_after_edit"


def review_in_progress(revision: Revision) -> WorkflowState | None:
    return (
        WorkflowState.objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        .select_related("current_task_state", "workflow")
        .first()
    )


def edited_during_review(revision: Revision, task_state: TaskState) -> bool:
    """A new revision, or the revision under review overwritten after its stage started."""
    return task_state.revision_id != revision.pk or revision.created_at > task_state.started_at


@transaction.atomic
def restart_review_after_edit(revision: Revision) -> TaskState | None:
    """Cancel the current stage and start the first one again on the edited revision.

    Returns the new task state, or None when the page was not in review or nothing changed.
    """
    workflow_state = review_in_progress(revision)
    if workflow_state is None or workflow_state.current_task_state is None:
        return None
    current = workflow_state.current_task_state
    if current.status != TaskState.STATUS_IN_PROGRESS or not edited_during_review(
        revision, current
    ):
        return None
    first_task = workflow_state.workflow.tasks.filter(active=True).first()
    if first_task is None:
        return None

    editor = revision.user
    current.status = TaskState.STATUS_CANCELLED
    current.finished_at = timezone.now()
    current.finished_by = editor
    current.save(update_fields=["status", "finished_at", "finished_by"])
    task_cancelled.send(sender=current.specific.__class__, instance=current.specific, user=editor)
    workflow_state.update(user=editor, next_task=first_task.specific)

    log(
        instance=revision.as_object(),
        action=RESTART_AFTER_EDIT_ACTION,
        user=editor,
        revision=revision,
        data={
            "workflow": {"id": workflow_state.workflow_id, "title": workflow_state.workflow.name},
            "cancelled_task": current.task.name,
            "restarted_task": first_task.name,
        },
    )
    return workflow_state.current_task_state
