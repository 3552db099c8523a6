"""Who may do what with comments in the admin (the shared rules: :mod:`moderation.permissions`).

Moderating (seeing the queue, approving, rejecting, marking spam) needs the custom permission
``comments.moderate_comment``, which the Communications group gets by data migration and
superusers have implicitly. Replying as the hospital needs ``comments.reply_as_hospital``
(Communications by data migration; administrators can grant it to other groups). Deleting
needs ``comments.delete_comment`` (administrators only: a decision is kept, not erased).
Nobody creates comments in the admin; readers write them.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext_lazy as _

from moderation.permissions import ModerationAccess

ACCESS = ModerationAccess(
    "comments",
    "comment",
    title=_("Comments are moderated by Communications"),
    explanation=_(
        "Only Communications and administrators can read unpublished comments and moderate "
        "them. Published comments are on each story's page."
    ),
    icon="comment",
)
REPLY_PERMISSION = "comments.reply_as_hospital"


def can_reply_as_hospital(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm(REPLY_PERMISSION)
