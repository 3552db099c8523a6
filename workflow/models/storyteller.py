"""The storyteller's approval of the text of their story, asked for through a one-time link.

The link carries a random token; only its SHA-256 is stored, so a database copy cannot be
turned into working links. Each request is for one revision of one page, and records the
content fingerprint of that revision: the approval holds for any later revision with the same
content (pressing "Submit for review" saves an identical revision) and for none other.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class StorytellerApproval(models.Model):
    """One link sent to the storyteller, and the decision they made through it."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approved")
        CHANGES = "changes", _("Asked for changes")

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="storyteller_approvals"
    )
    # Kept if old revisions are purged: the decision stays on record, matched by fingerprint.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="storyteller_approvals",
    )
    consent_record = models.ForeignKey(
        "workflow.ConsentRecord",
        verbose_name=_("consent record"),
        on_delete=models.CASCADE,
        related_name="storyteller_approvals",
    )
    content_fingerprint = models.CharField(max_length=64, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_to = models.EmailField(_("sent to"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("link expires at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    decided_by_name = models.CharField(_("decided by"), max_length=200, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("storyteller approval")
        verbose_name_plural = _("storyteller approvals")

    def __str__(self) -> str:
        return f"{self.consent_record.reference}, revision {self.revision_id}"

    @classmethod
    def new_token(cls) -> tuple[str, str]:
        """A fresh token for the link and the hash to store in its place."""
        token = secrets.token_urlsafe(32)
        return token, token_hash(token)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_decided(self) -> bool:
        return self.decided_at is not None


class StorytellerLinkVisit(models.Model):
    """One request to a storyteller link, kept for the per-address limit only.

    No address is stored: the fingerprint is an HMAC of it keyed with ``SECRET_KEY``, and rows
    older than the limit's window are deleted as new visits come in.
    """

    fingerprint = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"visit at {self.created_at:%Y-%m-%d %H:%M}"
