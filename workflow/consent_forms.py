"""The consent record's admin form: revocation, expiry and the signed form are final.

Clinical reviewers and Communications may record and complete a consent, but once a record is
revoked it stays revoked (with its note), its expiry never moves later, and the signed form it
points to is never swapped for another: renewed or corrected consent is a new record.
Administrators may still correct a record. A refused change leaves the record as it was and is
logged in its history.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.log_actions import log

CONSENT_CHANGE_REFUSED_ACTION = "workflow.consent_change_refused"


class ConsentRecordForm(WagtailAdminModelForm):
    def final_field_errors(self) -> dict[str, str]:
        """Changes to final facts of a stored record, by field; none for administrators."""
        user = getattr(self, "for_user", None)
        if self.instance.pk is None or (user is not None and user.is_superuser):
            return {}
        stored = type(self.instance).objects.filter(pk=self.instance.pk).first()
        if stored is None:
            return {}
        data = self.cleaned_data
        errors: dict[str, str] = {}
        if stored.revoked_at is not None:
            message = _(
                "This consent was revoked; a revocation is final. Renewed consent is recorded "
                "as a new consent record."
            )
            if data.get("revoked_at") != stored.revoked_at:
                errors["revoked_at"] = message
            if (data.get("revocation_note") or "").strip() != stored.revocation_note.strip():
                errors["revocation_note"] = message
        new_expiry = data.get("expires_on")
        if new_expiry and stored.expires_on and new_expiry > stored.expires_on:
            errors["expires_on"] = _(
                "The expiry date cannot move later (it is %(date)s). Renewed consent is recorded "
                "as a new consent record."
            ) % {"date": stored.expires_on.isoformat()}
        new_form = data.get("signed_form")
        if stored.signed_form_id and (new_form is None or new_form.pk != stored.signed_form_id):
            errors["signed_form"] = _(
                "The signed form of a consent cannot be removed or swapped. Record a new consent "
                "with the new form."
            )
        return errors

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.refused_changes = self.final_field_errors()
        if self.refused_changes:
            raise ValidationError(self.refused_changes)
        return cleaned

    def log_refusal(self, user: Any) -> None:
        """Write the refused attempt into the record's history (called by the edit view)."""
        refused = getattr(self, "refused_changes", None)
        if refused:
            stored = type(self.instance).objects.get(pk=self.instance.pk)
            log(
                instance=stored,
                action=CONSENT_CHANGE_REFUSED_ACTION,
                user=user,
                data={"fields": sorted(refused)},
            )
