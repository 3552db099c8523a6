"""The code form (authenticator or recovery code) and the enrolment form."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

SEPARATORS = re.compile(r"[\s-]+")


def throttled_message(device: Device) -> str | None:
    """Why this device refuses codes for now (too many wrong ones), or None."""
    allowed, details = device.verify_is_allowed()
    if allowed or not details or "locked_until" not in details:
        return None
    seconds = max(1, int((details["locked_until"] - timezone.now()).total_seconds()) + 1)
    return _("Too many wrong codes. Wait %(seconds)s seconds, then try again.") % {
        "seconds": seconds
    }


class VerifyForm(forms.Form):
    """A six-digit code from the authenticator app, or one unused recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The 6-digit code from your authenticator app, or a recovery code."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def __init__(self, user: AbstractBaseUser, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.device: Device | None = None

    def clean_code(self) -> str:
        code = SEPARATORS.sub("", self.cleaned_data["code"]).lower()
        waits = []
        # Digits go to the authenticator app, anything else to the recovery codes, so a
        # recovery code never counts as a wrong app code (and the reverse).
        kind = TOTPDevice if code.isdigit() else StaticDevice
        for device in kind.objects.devices_for_user(self.user, confirmed=True):
            # A device still waiting after wrong codes is not tried (and says so).
            wait = throttled_message(device)
            if wait:
                waits.append(wait)
            elif device.verify_token(code):
                self.device = device
                return code
        if waits:
            raise forms.ValidationError(waits[0], code="throttled")
        raise forms.ValidationError(
            _("That code is not right. Check the time on your phone, or use a recovery code."),
            code="invalid",
        )


class SetupForm(forms.Form):
    """Confirm a new authenticator app with its first code and the current password."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request: HttpRequest, device: TOTPDevice, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        self.device = device

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "password" not in cleaned or "code" not in cleaned:
            return cleaned
        # authenticate(): a stolen session guessing the password here meets the lockout too.
        user = authenticate(
            self.request, username=self.request.user.get_username(), password=cleaned["password"]
        )
        if user is None or user.pk != self.request.user.pk:
            self.add_error("password", _("That is not your current password."))
        elif wait := throttled_message(self.device):
            self.add_error("code", wait)
        elif not self.device.verify_token(SEPARATORS.sub("", cleaned["code"])):
            self.add_error(
                "code", _("That code is not right. Check the time on your phone and try again.")
            )
        return cleaned
