"""Consent records and the review contract that page types implement.

``workflow`` never imports ``blog`` or ``policy``: each page type answers for itself what
blocks its approval through :meth:`ReviewableMixin.review_blockers`, and a page type links a
consent record with a foreign key whose reverse relation (``ConsentRecord.stories`` for
stories) is found generically by :mod:`workflow.consent`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsentRecordQuerySet(models.QuerySet):
    def invalid(self, today: datetime.date | None = None) -> ConsentRecordQuerySet:
        """Records that cannot support web publication today (the rules of ``invalid_reasons``)."""
        today = today or timezone.localdate()
        return self.filter(
            Q(date_signed__isnull=True)
            | Q(scope_web_stories=False)
            | Q(expires_on__lt=today)
            | Q(revoked_at__isnull=False)
        )


class ConsentRecord(models.Model):
    """A patient's (or their representative's) written consent to publish their story."""

    class Relationship(models.TextChoices):
        SELF = "self", _("The patient themself")
        PARENT = "parent", _("Parent or guardian")
        REPRESENTATIVE = "representative", _("Legal representative")
        FAMILY = "family", _("Family member (with the patient's agreement)")

    person_name = models.CharField(_("person giving consent"), max_length=200)
    relationship = models.CharField(
        _("relationship to the patient"), max_length=20, choices=Relationship.choices
    )
    scope_web_stories = models.BooleanField(_("web stories"), default=True)
    scope_video = models.BooleanField(_("video"), default=False)
    scope_social_media = models.BooleanField(_("social media"), default=False)
    purpose = models.TextField(
        _("purpose statement"),
        help_text=_("What the person agreed to, in the words of the signed form."),
    )
    date_signed = models.DateField(_("date signed"), null=True, blank=True)
    expires_on = models.DateField(
        _("expiry date"), help_text=_("Required: consents are never open-ended.")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_note = models.TextField(_("revocation note"), blank=True)
    signed_form = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("signed consent form"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Stored in a private collection; never served at a public address."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-date_signed", "person_name"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self) -> str:
        signed = self.date_signed.isoformat() if self.date_signed else _("unsigned")
        return f"{self.person_name} ({signed}, expires {self.expires_on.isoformat()})"

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.date_signed and self.date_signed > today:
            errors["date_signed"] = _("The date signed cannot be in the future.")
        if self.date_signed and self.expires_on and self.expires_on <= self.date_signed:
            errors["expires_on"] = _("The expiry date must be after the date signed.")
        if self.revoked_at and not self.revocation_note.strip():
            errors["revocation_note"] = _("Say why the consent was revoked.")
        if self.revocation_note.strip() and not self.revoked_at:
            errors["revoked_at"] = _("Give the date of the revocation, or clear the note.")
        if self.signed_form_id and not self.signed_form.collection.get_view_restrictions().exists():
            errors["signed_form"] = _(
                "Keep the signed form in a private collection (such as “Consent forms”), "
                "so it is never served at a public address."
            )
        if errors:
            raise ValidationError(errors)

    def invalid_reasons(self, today: datetime.date | None = None) -> list[str]:
        """Why this consent cannot support web publication today; empty when it is valid."""
        today = today or timezone.localdate()
        reasons: list[str] = []
        if not self.date_signed:
            reasons.append(str(_("the consent has not been signed")))
        if not self.scope_web_stories:
            reasons.append(str(_("the consent does not cover web publication")))
        if self.expires_on and self.expires_on < today:
            reasons.append(str(_("the consent expired on %(date)s") % {"date": self.expires_on}))
        if self.revoked_at:
            reasons.append(str(_("the consent was revoked")))
        return reasons

    def is_valid(self, today: datetime.date | None = None) -> bool:
        return not self.invalid_reasons(today)

    @admin.display(description=_("status"))
    def status_label(self) -> str:
        """One word for the admin listing: what an editor needs to know at a glance."""
        if self.revoked_at:
            return str(_("Revoked"))
        if self.expires_on < timezone.localdate():
            return str(_("Expired"))
        if not self.is_valid():
            return str(_("Not usable"))
        return str(_("Valid"))


class ReviewableMixin(models.Model):
    """Fields filled by clinical review and the hook the review tasks ask before approval."""

    reviewed_by_name = models.CharField(
        _("clinically reviewed by"), max_length=200, blank=True, editable=False
    )
    last_reviewed_at = models.DateTimeField(
        _("last clinical review"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def review_blockers(self) -> list[str]:
        """Reasons this page cannot pass review now; each page type adds its own rules."""
        return []
