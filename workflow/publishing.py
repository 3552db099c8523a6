"""What approval writes and publishes: the clinical review record and the final publication.

The final publication itself is :func:`workflow.finish.publish_approved_revision`, the
``WAGTAIL_FINISH_WORKFLOW_ACTION``, so finishing the review publishes even though
Communications holds no publish permission of its own.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Revision, TaskState, get_page_models

from accounts.models import public_name
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
