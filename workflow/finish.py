"""The ``WAGTAIL_FINISH_WORKFLOW_ACTION``: publish what both review stages approved.

Wagtail imports this setting while ``wagtail.models`` itself is still loading, so this module
imports nothing at load time: the function imports what it uses when it is called.
"""

from __future__ import annotations

from typing import Any


def publish_approved_revision(workflow_state: Any, user: Any = None) -> None:
    """Publish the revision both stages approved, whatever the final approver's permissions.

    Nobody but administrators holds publish permission, so Wagtail's default finish action
    (which publishes as the approving user) would refuse; the review itself is the permission.
    """
    from wagtail.log_actions import log
    from wagtail.models import TaskState

    from workflow.guard import ROUTE_REVIEW, refuse_publication
    from workflow.publishing import PUBLISHED_AFTER_REVIEW_ACTION, display_name

    final_state = workflow_state.current_task_state
    revision = (
        final_state.revision
        if final_state is not None
        else workflow_state.content_object.get_latest_revision()
    )
    # The publishing guard asks the page's blockers again now: a consent revoked between the
    # last approval and this moment keeps the page offline (refusal logged, people told).
    if refuse_publication(revision, user=user, route=ROUTE_REVIEW):
        return
    revision.publish(user=user, skip_permission_checks=True)
    approvals = (
        workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED, revision=revision)
        .select_related("task", "finished_by")
        .order_by("finished_at")
    )
    log(
        instance=revision.as_object(),
        action=PUBLISHED_AFTER_REVIEW_ACTION,
        user=user,
        revision=revision,
        data={
            "approvals": [
                {"task": state.task.name, "approved_by": display_name(state.finished_by)}
                for state in approvals
            ]
        },
    )
