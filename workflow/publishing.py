"""What approval writes and publishes: the clinical review record and the final publication.

``WAGTAIL_FINISH_WORKFLOW_ACTION`` points at :func:`publish_approved_revision`, so finishing the
review publishes even though Communications holds no publish permission of its own.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Revision, TaskState, WorkflowState, get_page_models

from accounts.models import public_name
from workflow.guard import ROUTE_REVIEW, refuse_publication
from workflow.models.consent import ReviewableMixin

CLINICAL_REVIEW_ACTION = "workflow.clinical_review"
PUBLISHED_AFTER_REVIEW_ACTION = "workflow.published_after_review"


def reviewable_page_models() -> list[type[Page]]:
    """Page types that carry the clinical review fields (stories, videos, the policy...)."""
    return [model for model in get_page_models() if issubclass(model, ReviewableMixin)]


def display_name(user: AbstractBaseUser | None) -> str:
    """The name shown to readers and colleagues: full name, else the username."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def record_clinical_review(
    task_state: TaskState, user: AbstractBaseUser, now: datetime.datetime | None = None
) -> None:
    """Write the reviewer's public title (else name) and the date into the revision under review
    and the page row.

    The revision is what Communications approves and what gets published, so the reviewed-by
    line goes live with exactly the content the clinician approved. The page row is updated too,
    so the re-review report sees the review at once. Both are direct updates: no new revision,
    which would restart the review.
    """
    revision = task_state.revision
    page = revision.as_object()
    if not isinstance(page, ReviewableMixin):
        return
    name = public_name(user)  # the reviewer's public title, as readers will see it
    reviewed_at = timezone.localtime(now or timezone.now(), datetime.UTC)
    revision.content = {
        **revision.content,
        "reviewed_by_name": name,
        "last_reviewed_at": reviewed_at,
    }
    Revision.objects.filter(pk=revision.pk).update(content=revision.content)
    type(page).objects.filter(pk=page.pk).update(
        reviewed_by_name=name, last_reviewed_at=reviewed_at
    )
    log(
        instance=page,
        action=CLINICAL_REVIEW_ACTION,
        user=user,
        revision=revision,
        data={"reviewer": name, "reviewed_at": reviewed_at.isoformat()},
    )


def publish_approved_revision(workflow_state: WorkflowState, user: AbstractBaseUser | None = None):
    """Publish the revision both stages approved, whatever the final approver's permissions.

    Nobody but administrators holds publish permission, so Wagtail's default finish action
    (which publishes as the approving user) would refuse; the review itself is the permission.
    """
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
