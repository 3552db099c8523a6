"""Moderation decisions: one place that approves or declines mentions and logs it.

Only a mention whose source page was found to link to the story can be approved; declining
is always possible (also for one already shown, which hides it).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from mentions.models import ReceivedMention

Status = ReceivedMention.Status
LOG_ACTIONS = {Status.APPROVED: "mentions.approve", Status.REJECTED: "mentions.decline"}


def can_approve(mention: ReceivedMention) -> bool:
    return mention.passed_verification and mention.status in (Status.VERIFIED, Status.REJECTED)


def moderate(ids: Iterable[int], status: str, user: AbstractBaseUser | None) -> tuple[int, int]:
    """Approve or decline the given mentions: (how many changed, how many could not be)."""
    if status not in LOG_ACTIONS:
        raise ValueError(f"Not a moderation decision: {status!r}")
    changed = refused = 0
    now = timezone.now()
    with transaction.atomic():
        locked = ReceivedMention.objects.select_for_update().filter(pk__in=list(ids))
        for mention in locked.order_by("pk"):
            if mention.status == status:
                continue
            if status == Status.APPROVED and not can_approve(mention):
                refused += 1
                continue
            previous = mention.status
            mention.status = status
            mention.reason = "" if status == Status.APPROVED else ReceivedMention.Reason.DECLINED
            mention.moderated_by = user
            mention.moderated_at = now
            mention.save(update_fields=["status", "reason", "moderated_by", "moderated_at"])
            log(mention, LOG_ACTIONS[status], user=user, data={"previous_status": previous})
            changed += 1
    return changed, refused
