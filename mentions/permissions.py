"""Who may moderate mentions: ``mentions.moderate_mention`` (Communications, by data migration;
superusers implicitly). Deleting needs ``mentions.delete_mention`` (administrators only). The
shared rules: :mod:`moderation.permissions`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from moderation.permissions import ModerationAccess, ModerationPermissionPolicy

ACCESS = ModerationAccess(
    "mentions",
    "mention",
    title=_("Mentions are moderated by Communications"),
    explanation=_(
        "Only Communications and administrators can read mentions from other sites before "
        "they are approved. Approved mentions are on each story's page."
    ),
    icon="link",
)
MODERATE_PERMISSION = ACCESS.moderate_permission
DELETE_PERMISSION = ACCESS.delete_permission

can_moderate = ACCESS.can_moderate
refuse = ACCESS.refuse
require_permission = ACCESS.require


class MentionPermissionPolicy(ModerationPermissionPolicy):
    def __init__(self, model: type) -> None:
        super().__init__(model, ACCESS)
