"""Consent records and the review contract that page types implement.

``workflow`` never imports ``blog`` or ``policy``: each page type answers for itself what
blocks its approval through :meth:`ReviewableMixin.review_blockers`, and a page type links a
consent record with a foreign key whose reverse relation (``ConsentRecord.stories`` for
stories) is found generically by :mod:`workflow.consent_enforcement`.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsentRecordQuerySet(models.QuerySet):
    def invalid(self, today: datetime.date | None = None) -> ConsentRecordQuerySet:
        """Records that cannot support web publication today, as far as the database can tell.

        A signed form whose file no longer matches its recorded SHA-256 is found only by
        :meth:`ConsentRecord.invalid_reasons`, which reads the file.
        """
        today = today or timezone.localdate()
        return self.filter(
            Q(date_signed__isnull=True)
            | Q(signed_form__isnull=True)
            | Q(scope_web_stories=False)
            | Q(expires_on__lt=today)
            | Q(revoked_at__isnull=False)
        )


# What a story can show about the patient, each matched by a scope field of the record.
SCOPE_WEB_STORIES = "scope_web_stories"
SCOPE_VIDEO = "scope_video"
SCOPE_PHOTOGRAPHS = "scope_photographs"
SCOPE_NAME_IN_BYLINE = "scope_name_in_byline"
SCOPE_SOCIAL_MEDIA = "scope_social_media"
SCOPE_FIELDS = (
    SCOPE_WEB_STORIES,
    SCOPE_VIDEO,
    SCOPE_PHOTOGRAPHS,
    SCOPE_NAME_IN_BYLINE,
    SCOPE_SOCIAL_MEDIA,
)


def file_sha256(document: models.Model) -> str:
    """The SHA-256 of a document's file, read in chunks from whichever storage holds it."""
    digest = hashlib.sha256()
    with document.file.open("rb") as content:
        for chunk in iter(lambda: content.read(64 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


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
    email = models.EmailField(
        _("storyteller's email"),
        blank=True,
        help_text=_(
            "Where the storyteller receives the link to approve the text of their story. "
            "Seen by review staff only, like the name."
        ),
    )
    scope_web_stories = models.BooleanField(_("web stories"), default=True)
    scope_video = models.BooleanField(_("video"), default=False)
    scope_photographs = models.BooleanField(
        _("photographs of the patient"),
        default=False,
        help_text=_("Hero or body images that show the patient or their family."),
    )
    scope_name_in_byline = models.BooleanField(
        _("name in the byline"),
        default=False,
        help_text=_("The story may show the storyteller's name (or first name) in its byline."),
    )
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
    signed_form_sha256 = models.CharField(
        _("SHA-256 of the signed form"), max_length=64, blank=True, editable=False
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
        """A label that names nobody: authors see records only this way (chooser, editor)."""
        return _("%(reference)s · %(status)s · %(scope)s · expires %(expiry)s") % {
            "reference": self.reference,
            "status": self.status_label(),
            "scope": self.scope_label(),
            "expiry": self.expires_on.isoformat() if self.expires_on else "—",
        }

    def save(self, *args, **kwargs) -> None:
        """Record the signed form's SHA-256 when a form is attached or replaced by another.

        The hash is taken once, from the file as it is then; a later change to the file shows
        as a mismatch (see ``invalid_reasons``), never as a new hash.
        """
        if not self.signed_form_id:
            self.signed_form_sha256 = ""
        else:
            previous = (
                type(self)
                .objects.filter(pk=self.pk)
                .values_list("signed_form_id", flat=True)
                .first()
                if self.pk
                else None
            )
            if previous != self.signed_form_id or not self.signed_form_sha256:
                self.signed_form_sha256 = file_sha256(self.signed_form)
        super().save(*args, **kwargs)

    @property
    def reference(self) -> str:
        """The record's reference, to quote instead of the person's name."""
        return f"CR-{self.pk:05d}" if self.pk else str(_("new consent"))

    @admin.display(description=_("scope"))
    def scope_label(self) -> str:
        labels = [
            str(self._meta.get_field(name).verbose_name)
            for name in SCOPE_FIELDS
            if getattr(self, name)
        ]
        return ", ".join(labels) or str(_("nothing"))

    def missing_scopes(self, needed: Iterable[str]) -> list[str]:
        """The names of the needed scopes this consent does not cover."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in needed
            if not getattr(self, name)
        ]

    def signed_form_matches(self) -> bool:
        """Whether the attached file is still the one whose hash was recorded.

        Read once per loaded record: a review screen asks several times in one request.
        """
        key = (self.signed_form_id, self.signed_form_sha256)
        cached = getattr(self, "_signed_form_check", None)
        if cached is None or cached[0] != key:
            try:
                matches = file_sha256(self.signed_form) == self.signed_form_sha256
            except (OSError, ValueError):
                matches = False
            cached = self._signed_form_check = (key, matches)
        return cached[1]

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
        if not self.signed_form_id:
            reasons.append(str(_("the signed consent form is not attached")))
        elif not self.signed_form_matches():
            reasons.append(str(_("the signed form changed since it was recorded")))
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
        if self.expires_on and self.expires_on < timezone.localdate():
            return str(_("Expired"))
        if not self.is_valid():
            return str(_("Not usable"))
        return str(_("Valid"))


def consent_blockers(record: ConsentRecord, needed: Iterable[str]) -> list[str]:
    """Why a page showing ``needed`` kinds of content about a patient cannot rely on ``record``.

    Each reason names the record by its reference, never the person, so authors may read it.
    """
    reasons = [
        str(_("Consent record %(reference)s: %(reason)s."))
        % {"reference": record.reference, "reason": reason}
        for reason in record.invalid_reasons()
    ]
    missing = record.missing_scopes(scope for scope in needed if scope != SCOPE_WEB_STORIES)
    if missing:
        reasons.append(
            str(_("Consent record %(reference)s does not cover: %(scopes)s."))
            % {"reference": record.reference, "scopes": ", ".join(missing)}
        )
    return reasons


class ReviewableMixin(models.Model):
    """Fields filled by clinical review and the hook the review tasks ask before approval."""

    reviewed_by_name = models.CharField(
        _("clinically reviewed by"), max_length=200, blank=True, editable=False
    )
    last_reviewed_at = models.DateTimeField(
        _("last clinical review"), null=True, blank=True, editable=False
    )
    # Listed in "Stories and videos due for clinical re-review" twelve months after review;
    # a page type with its own review schedule (the policy) says False.
    clinical_rereview_yearly = True

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from workflow.guard import check_going_live

        check_going_live(self)
        return super().save(*args, **kwargs)

    def review_blockers(self) -> list[str]:
        """Reasons this page cannot pass review now; each page type adds its own rules."""
        return []

    def publish(self, revision, user=None, log_action=True, **kwargs):
        """Publish through the publishing guard: blocked, the page stays exactly as it was.

        A refused scheduled go-live also loses its schedule (Wagtail clears it before saving),
        so the page comes back only through review, not on the next run.
        """
        from workflow.guard import refuse_publication, route_of

        if refuse_publication(revision, user=user, route=route_of(log_action)):
            revision.approved_go_live_at = None
            type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            return None
        return super().publish(revision, user=user, log_action=log_action, **kwargs)
