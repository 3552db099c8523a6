"""The hospital's official replies under readers' comments.

A reply is a ``Comment`` with ``reply_to`` set, so it is stored, moderated, cached and fed
exactly like a reader's comment. It goes through the same identifier pre-screen: staff replies
that disclosed patient details have drawn health-privacy fines, so a reply the pre-screen
flags is held until a second person with the reply permission approves it. A clean reply is
published at once.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from comments.models import Comment
from comments.permissions import can_reply_as_hospital
from comments.prescreen import identifier_kinds

OWN_FLAGGED_REPLY = "own_flagged_reply"
NO_REPLY_PERMISSION = "no_reply_permission"
REFUSAL_MESSAGES = {
    OWN_FLAGGED_REPLY: _(
        "You wrote this reply and the pre-screen flagged it: a colleague who may reply as the "
        "hospital has to approve it."
    ),
    NO_REPLY_PERMISSION: _("Only people who may reply as the hospital can approve its replies."),
}


def hospital_name() -> str:
    """The name stored on replies (the public page shows its own translated label)."""
    return settings.WAGTAIL_SITE_NAME


def can_be_answered(comment: Comment) -> bool:
    """Only a reader's approved comment gets a reply (one level deep)."""
    return comment.status == Comment.Status.APPROVED and not comment.is_hospital_reply


def approval_refusal(reply: Comment, user: AbstractBaseUser | None) -> str:
    """Why ``user`` may not approve ``reply`` (a code of REFUSAL_MESSAGES), or "" if they may."""
    if user is None or not can_reply_as_hospital(user):
        return NO_REPLY_PERMISSION
    if reply.is_flagged and reply.written_by_id == user.pk:
        return OWN_FLAGGED_REPLY
    return ""


def log_refusal(reply: Comment, user: AbstractBaseUser | None, refusal: str) -> None:
    log(reply, "comments.reply_approval_refused", user=user, data={"reason": refusal})


def post_reply(comment: Comment, user: AbstractBaseUser, body: str) -> Comment:
    """Save the hospital's reply to ``comment``: published if clean, held if flagged."""
    flagged = identifier_kinds(body)
    now = timezone.now()
    with transaction.atomic():
        reply = Comment.objects.create(
            page_id=comment.page_id,
            reply_to=comment,
            written_by=user,
            name=hospital_name(),
            body=body,
            created_at=now,
            flagged_identifiers=flagged,
            status=Comment.Status.PENDING if flagged else Comment.Status.APPROVED,
            moderated_by=None if flagged else user,
            moderated_at=None if flagged else now,
        )
        log(
            reply,
            "comments.reply_held" if flagged else "comments.reply",
            user=user,
            data={"reply_to": comment.pk, "flagged": flagged},
        )
    return reply
