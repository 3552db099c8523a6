"""Review emails: reviewers when a stage awaits them, authors on approval, changes requested,
publication.

Wagtail's own notifiers send most of these; here they are wrapped so that a mail failure is
logged and never breaks the review action, and the author emails go to the page's owner as well
as to whoever submitted it. One vocabulary with the admin's button: "changes requested", never
"rejected". One email per person per submission: administrators hear of a submission through the
stage's "awaits review" email (``WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS``), not a second
"submitted" one. Every link, admin or live, starts with ``WAGTAILADMIN_BASE_URL``. Everything goes
through Django's email backend (console in development, SMTP from ``EMAIL_URL`` in production).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.dispatch import Signal
from wagtail.admin.mail import (
    BaseGroupApprovalTaskStateEmailNotifier,
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import (
    task_approved,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from clinic_site.notifications import edit_link, send_templated_email
from workflow.groups import COMMUNICATIONS, active_members

logger = logging.getLogger(__name__)


class NeverRaise:
    """Notifier mixin: a failure to send is logged, and the review carries on."""

    def __call__(self, instance: Any = None, **kwargs: Any) -> bool:
        try:
            return super().__call__(instance, **kwargs)
        except Exception:
            logger.exception("Review notification %r could not be sent", self.notification)
            return False


def email_templates(name: str) -> dict[str, str]:
    base = f"workflow/notifications/{name}"
    return {"subject": f"{base}_subject.txt", "text": f"{base}.txt", "html": f"{base}.html"}


def authors_of(workflow_state: WorkflowState, triggering_user: AbstractBaseUser | None) -> set:
    """Who wrote the page: the person who submitted it and the page's owner."""
    page = workflow_state.content_object
    people = {workflow_state.requested_by, getattr(page, "owner", None)}
    return {person for person in people if person is not None and person != triggering_user}


class AwaitingReviewNotifier(NeverRaise, GroupApprovalTaskStateSubmissionEmailNotifier):
    """Members of the stage's group: a page awaits your review."""


def live_url(page: Page) -> str:
    """The page's public address under ``WAGTAILADMIN_BASE_URL`` (not the Site's hostname)."""
    parts = page.get_url_parts()
    return settings.WAGTAILADMIN_BASE_URL + parts[2] if parts else ""


class RejectedNotifier(NeverRaise, WorkflowStateRejectionEmailNotifier):
    """Authors: changes requested, with the reviewer's comment."""

    def get_template_set(self, instance: Any, **kwargs: Any) -> dict[str, str]:
        return email_templates("changes_requested")

    def get_context(self, workflow_state: WorkflowState, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(workflow_state, **kwargs)
        context["edit_url"] = edit_link(context["page"])
        return context

    def get_recipient_users(self, workflow_state: WorkflowState, **kwargs: Any) -> set:
        return authors_of(workflow_state, kwargs.get("user"))


class PublishedNotifier(NeverRaise, WorkflowStateApprovalEmailNotifier):
    """Authors: both stages approved, so the page is live (or scheduled)."""

    def get_template_set(self, instance: Any, **kwargs: Any) -> dict[str, str]:
        return email_templates("published")

    def get_context(self, workflow_state: WorkflowState, **kwargs: Any) -> dict[str, Any]:
        """The live address and the sign-off: the last approval's approver and comment."""
        context = super().get_context(workflow_state, **kwargs)
        signoff = (
            workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED)
            .select_related("finished_by")
            .order_by("-finished_at", "-pk")
            .first()
        )
        context.update(
            live_url=live_url(context["page"]),
            edit_url=edit_link(context["page"]),
            signoff=signoff,
            signoff_comment=signoff.get_comment() if signoff else "",
        )
        return context

    def get_recipient_users(self, workflow_state: WorkflowState, **kwargs: Any) -> set:
        return authors_of(workflow_state, kwargs.get("user"))


class StageApprovedNotifier(NeverRaise, BaseGroupApprovalTaskStateEmailNotifier):
    """Authors: one stage approved and the next under way (the last stage sends 'published')."""

    notification = "approved"

    def get_template_set(self, instance: Any, **kwargs: Any) -> dict[str, str]:
        return email_templates("stage_approved")

    def can_handle(self, instance: Any, **kwargs: Any) -> bool:
        return (
            super().can_handle(instance, **kwargs)
            and instance.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        )

    def get_context(self, task_state: TaskState, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(task_state, **kwargs)
        current = task_state.workflow_state.current_task_state
        context["next_task"] = current.task if current else None
        context["task_state"] = task_state
        return context

    def get_recipient_users(self, task_state: TaskState, **kwargs: Any) -> set:
        return authors_of(task_state.workflow_state, kwargs.get("user"))


# (signal, sender, dispatch_uid Wagtail uses, our notifier). Reusing Wagtail's dispatch_uid
# replaces its handler whichever app's ready() runs first.
RECEIVERS: list[tuple[Signal, type, str, Any]] = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        AwaitingReviewNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        RejectedNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        PublishedNotifier(),
    ),
    (
        task_approved,
        TaskState,
        "clinic_task_state_approved_email_notification",
        StageApprovedNotifier(),
    ),
    # Wagtail's "submitted" email to administrators doubled the stage's "awaits review" email,
    # which reaches them already: its place is taken by a receiver that sends nothing.
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        lambda sender=None, **kwargs: None,
    ),
]


def connect_review_notifications() -> None:
    for signal, sender, dispatch_uid, notifier in RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid, weak=False)


def consent_recipients(page: Page) -> list[AbstractBaseUser]:
    """The page's owner, everyone who wrote a revision of it, and Communications."""
    people: dict[int, AbstractBaseUser] = {}
    candidates: Iterable[AbstractBaseUser | None] = [
        page.owner,
        *(revision.user for revision in page.revisions.select_related("user")),
        *active_members(COMMUNICATIONS),
    ]
    for person in candidates:
        if person is not None and person.is_active and person.email:
            people.setdefault(person.pk, person)
    return list(people.values())


def notify_consent_unpublished(page: Page, reasons: list[str]) -> int:
    """Tell the authors and Communications that a story went offline; returns failed sends."""
    return notify_authors_and_communications(page, "consent_unpublished", {"reasons": reasons})


def notify_publication_refused(page: Page, reasons: list[str], route: str) -> int:
    """Tell the authors and Communications that the publishing guard kept a page offline."""
    return notify_authors_and_communications(
        page, "publication_refused", {"reasons": reasons, "route": route}
    )


def notify_authors_and_communications(page: Page, template: str, extra: dict[str, Any]) -> int:
    """Email the page's writers and Communications in their own language; returns failed sends."""
    context = {"page": page, "edit_url": edit_link(page), **extra}
    return send_templated_email(
        f"workflow/notifications/{template}", consent_recipients(page), context
    ).failed
