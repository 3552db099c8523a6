"""Moderation decisions: one place that changes a comment's status, logs it and notifies.

The admin edit view and the bulk actions both call :func:`moderate`, so every decision is
recorded the same way in Wagtail's audit log (who, when, what, why) and approval emails go out
exactly once, after the transaction commits. A mail failure is logged and never blocks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.log_actions import log

from comments.models import Comment
from comments.replies import approval_refusal, log_refusal

logger = logging.getLogger(__name__)

Status = Comment.Status

LOG_ACTIONS = {
    Status.APPROVED: "comments.approve",
    Status.REJECTED: "comments.reject",
    Status.SPAM: "comments.spam",
    Status.PENDING: "comments.reopen",
}


def moderate(
    comment_ids: Iterable[int],
    status: str,
    user: AbstractBaseUser | None,
    reason: str = "",
) -> int:
    """Set ``status`` on the given comments; returns how many actually changed.

    Rows are locked while deciding, so two moderators approving the same comment at once
    produce one decision and one set of emails. Approving a hospital reply the user may not
    approve (see :func:`comments.replies.approval_refusal`) changes nothing and is logged.
    """

    if status == Status.SPAM:
        reason = Comment.RejectionReason.SPAM
    elif status != Status.REJECTED:
        reason = ""
    now = timezone.now()
    changed = 0
    with transaction.atomic():
        locked = Comment.objects.select_for_update().filter(pk__in=list(comment_ids))
        for comment in locked.order_by("pk"):
            previous = comment.status
            if previous == status and comment.rejection_reason == reason:
                continue
            refusal = approval_refusal(comment, user) if comment.is_hospital_reply else ""
            if status == Status.APPROVED and refusal:
                log_refusal(comment, user, refusal)
                continue
            comment.status = status
            comment.rejection_reason = reason
            comment.moderated_by = user
            comment.moderated_at = now
            update_fields = ["status", "rejection_reason", "moderated_by", "moderated_at"]
            if status in (Status.REJECTED, Status.SPAM) and comment.email:
                comment.email = ""  # it will never be used: the comment is not going up
                update_fields.append("email")
            comment.save(update_fields=update_fields)
            log(
                comment,
                LOG_ACTIONS[status],
                user=user,
                data={"previous_status": previous, "reason": reason},
            )
            if (
                status == Status.APPROVED
                and previous != Status.APPROVED
                and not comment.reply_to_id
            ):
                transaction.on_commit(partial(notify_approved, comment.pk))
            changed += 1
    return changed


def _send(recipient: str, language: str, subject: str, body: str, **params: str) -> bool:
    """Send one plain-text email in ``language``; log and swallow any failure."""
    try:
        with translation.override(language):
            send_mail(
                _(subject) % params,
                _(body) % params,
                settings.DEFAULT_FROM_EMAIL,
                [recipient],
            )
    except Exception:
        logger.exception("Could not send a comment notification (comment emails never block)")
        return False
    return True


def _preferred_language(user: AbstractBaseUser) -> str:
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


AUTHOR_SUBJECT = gettext_noop("A reader's comment on “%(title)s” is now published")
AUTHOR_BODY = gettext_noop(
    "Hello %(name)s,\n\n"
    "A comment by %(commenter)s on your story “%(title)s” has been approved by the "
    "moderators and is now public:\n%(url)s\n\n"
    "If something in it worries you, contact Communications rather than answering publicly.\n"
)
COMMENTER_SUBJECT = gettext_noop("Your comment on “%(title)s” is published")
COMMENTER_BODY = gettext_noop(
    "Hello %(commenter)s,\n\n"
    "Thank you for your comment on “%(title)s”. It has been reviewed and is now public:\n"
    "%(url)s\n\n"
    "We will not write to you again about it, and we have deleted your email address.\n"
)


def notify_approved(comment_id: int) -> None:
    """Tell the story's owner, and the reader if they asked, that a comment is now public."""
    comment = (
        Comment.objects.select_related("page", "page__owner", "page__locale")
        .filter(pk=comment_id, status=Status.APPROVED)
        .first()
    )
    if comment is None:
        return
    page = comment.page
    try:
        url = f"{page.get_full_url()}#{comment.anchor}"
    except Exception:
        logger.exception("Could not build the address of comment %s", comment_id)
        return
    params = {"title": page.title, "commenter": comment.name, "url": url}
    owner = page.owner
    if owner is not None and owner.is_active and owner.email:
        name = owner.get_full_name() or owner.get_username()
        _send(
            owner.email,
            _preferred_language(owner),
            AUTHOR_SUBJECT,
            AUTHOR_BODY,
            name=name,
            **params,
        )
    if comment.notify_on_approval and comment.email:
        language = page.locale.language_code
        if _send(comment.email, language, COMMENTER_SUBJECT, COMMENTER_BODY, **params):
            Comment.objects.filter(pk=comment.pk).update(email="")
