"""Who may moderate mentions: ``mentions.moderate_mention`` (Communications, by data migration;
superusers implicitly). Deleting needs ``mentions.delete_mention`` (administrators only). The
shared rules: :mod:`moderation.permissions`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from moderation.permissions import ModerationAccess

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
