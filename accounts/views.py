"""Two-factor sign-in in the admin: the code page, enrolment, recovery codes, resets."""

from __future__ import annotations

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from accounts.forms import SetupForm, VerifyForm
from accounts.policy import (
    has_authenticator,
    has_second_factor,
    reset_second_factor,
    two_factor_required,
)


def _next_url(request: HttpRequest) -> str:
    """Where to go after the code: the page first asked for, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _account(request: HttpRequest):
    """The signed-in user as a model instance (request.user is lazy twice over: auth and otp),
    which the audit log needs to find its log model."""
    return get_user_model()._default_manager.get(pk=request.user.pk)


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with fresh ones; each works once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "Recovery codes", "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def qr_code_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG, drawn here: the secret never leaves the site."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
    svg = image.to_string(encoding="unicode")
    label = _("QR code to scan with your authenticator app")
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Ask for the second factor once per session, before any other admin page."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user.is_verified():
        return redirect(_next_url(request))
    if not has_second_factor(user):
        return redirect(f"{reverse('accounts_setup')}?{urlencode({'next': _next_url(request)})}")
    form = VerifyForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        if isinstance(form.device, StaticDevice):
            left = form.device.token_set.count()
            messages.warning(
                request,
                ngettext(
                    "You signed in with a recovery code: %(count)s is left. "
                    "Make new ones under Account, Two-factor sign-in.",
                    "You signed in with a recovery code: %(count)s are left. "
                    "Make new ones under Account, Two-factor sign-in.",
                    left,
                )
                % {"count": left},
            )
        return redirect(_next_url(request))
    return render(request, "accounts/verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@sensitive_post_parameters("code", "password")
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Enrol (or replace) an authenticator app; the first code confirms it."""
    user = request.user
    if has_second_factor(user) and not user.is_verified():
        query = urlencode({"next": reverse("accounts_setup")})
        return redirect(f"{reverse('accounts_verify')}?{query}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = SetupForm(request, device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user, confirmed=True).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = new_recovery_codes(user)
            log(instance=_account(request), action="accounts.two_factor_enrolled", user=user)
        otp_login(request, device)
        return render(
            request,
            "accounts/recovery_codes.html",
            {"codes": codes, "next": _next_url(request), "enrolled": True},
        )
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "qr_code": qr_code_svg(device),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _next_url(request),
            "required": two_factor_required(user),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def overview(request: HttpRequest) -> HttpResponse:
    """The user's own two-factor page (Account menu): status and new recovery codes."""
    user = request.user
    enrolled = has_authenticator(user)
    if request.method == "POST" and enrolled:
        codes = new_recovery_codes(user)
        log(instance=_account(request), action="accounts.recovery_codes_renewed", user=user)
        return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": ""})
    return render(
        request,
        "accounts/overview.html",
        {
            "enrolled": enrolled,
            "required": two_factor_required(user),
            "codes_left": StaticToken.objects.filter(device__user=user).count(),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """An administrator removes someone's authenticator and codes (a lost phone)."""
    if not request.user.is_superuser:
        return render(request, "accounts/forbidden.html", status=403)
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        removed = reset_second_factor(person)
        log(instance=person, action="accounts.two_factor_reset", user=request.user)
        if removed:
            messages.success(
                request,
                _("%(name)s's two-factor sign-in was reset: they set it up again at next sign-in.")
                % {"name": person.get_username()},
            )
        else:
            messages.info(
                request,
                _("%(name)s had no two-factor sign-in to reset.") % {"name": person.get_username()},
            )
        return redirect("wagtailusers_users:index")
    return render(
        request,
        "accounts/reset.html",
        {"person": person, "enrolled": has_second_factor(person)},
    )
