"""Moderation decisions: one place that changes a comment's status, logs it and notifies.

The admin edit view and the bulk actions both call :func:`moderate`, so every decision is
recorded the same way in Wagtail's audit log (who, when, what, why) and approval emails go out
exactly once, after the transaction commits, through the project's one email helper
(:mod:`clinic_site.notifications`): a mail failure is logged and never blocks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from clinic_site.notifications import Recipient, send_templated_email
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


def notify_approved(comment_id: int) -> None:
    """Tell the story's owner, and the reader if they asked, that a comment is now public.

    The owner is written to in their admin language, the reader in the story's language.
    """
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
    context = {"title": page.title, "commenter": comment.name, "url": url}
    owner = page.owner
    if owner is not None and owner.is_active and owner.email:
        name = owner.get_full_name() or owner.get_username()
        send_templated_email("comments/emails/approved_author", [owner], {**context, "name": name})
    if comment.notify_on_approval and comment.email:
        reader = Recipient(comment.email, page.locale.language_code)
        if send_templated_email("comments/emails/approved_commenter", [reader], context).sent:
            Comment.objects.filter(pk=comment.pk).update(email="")
