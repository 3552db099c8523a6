"""Login lockout (django-axes): what the locked-out person sees, what is logged, unlocking."""

from __future__ import annotations

import logging
import math
from datetime import datetime
from typing import Any

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from axes.utils import reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Max, Sum
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.admin.views.account import get_user_login_form
from wagtail.log_actions import log

logger = logging.getLogger("accounts.lockout")


def _existing_user(username: str | None):
    if not username:
        return None
    return get_user_model().objects.filter(username=username).first()


def client_description(username, ip_address, user_agent, path_info, request) -> str:
    """axes' log wording: the account if it exists, never the address or a mistyped name.

    A username that matches no account may be a password typed in the wrong box.
    """
    return f"account {username}" if _existing_user(username) else "an unknown username"


def locked_until(request: HttpRequest, username: str | None, ip_address: str | None) -> datetime:
    """When the last of this request's locks (account, address) ends."""
    limit = get_failure_limit(request, None)
    cool_off = get_cool_off(request)
    ends = []
    for lookup in ({"username": username}, {"ip_address": ip_address}):
        if None in lookup.values():
            continue
        totals = AccessAttempt.objects.filter(**lookup).aggregate(
            failures=Sum("failures_since_start"), last=Max("attempt_time")
        )
        if (totals["failures"] or 0) >= limit and totals["last"]:
            ends.append(totals["last"] + cool_off)
    return max(ends, default=timezone.now() + cool_off)


def locked_out_message(until: datetime) -> str:
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    return ngettext(
        "Too many failed sign-in attempts for this account or from your network. Sign-in is "
        "blocked for %(minutes)s more minute, even with the right password. An administrator "
        "can unlock it sooner.",
        "Too many failed sign-in attempts for this account or from your network. Sign-in is "
        "blocked for %(minutes)s more minutes, even with the right password. An administrator "
        "can unlock it sooner.",
        minutes,
    ) % {"minutes": minutes}


def locked_out_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The admin sign-in page again, with why and for how long (429 Too Many Requests)."""
    username = get_client_username(request, credentials)
    until = locked_until(request, username, getattr(request, "axes_ip_address", None))
    context = {
        "form": get_user_login_form()(request),
        "lockout_message": locked_out_message(until),
        "next": request.POST.get("next", ""),
    }
    response = render(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(max(1, int((until - timezone.now()).total_seconds())))
    return response


@receiver(user_locked_out)
def log_lockout(sender: Any, request: HttpRequest, username: str | None, **kwargs: Any) -> None:
    """Log a new lock once (attempts made while locked out do not log again)."""
    if getattr(request, "axes_failures_since_start", None) is None:
        return
    user = _existing_user(username)
    logger.warning(
        "Sign-in locked for %s after %s failed attempts",
        f"account {username}" if user else "an unknown username",
        request.axes_failures_since_start,
    )
    if user is not None:
        log(instance=user, action="accounts.locked_out", user=None)


@never_cache
@require_http_methods(["GET", "POST"])
def locked_sign_ins(request: HttpRequest) -> HttpResponse:
    """Administrators: the current locks, and an Unlock button for each."""
    if not request.user.is_superuser:
        return render(request, "accounts/forbidden.html", status=403)
    if request.method == "POST":
        attempt = get_object_or_404(AccessAttempt, pk=request.POST.get("attempt"))
        removed = reset(username=attempt.username, ip=attempt.ip_address, ip_or_username=True)
        user = _existing_user(attempt.username)
        if user is not None:
            log(instance=user, action="accounts.unlocked", user=request.user)
        logger.info("Sign-in unlocked by %s (%s attempts cleared)", request.user, removed)
        messages.success(request, _("Unlocked: that account and address can sign in again."))
        return redirect("accounts_locked_sign_ins")
    limit = get_failure_limit(request, None)
    since = timezone.now() - get_cool_off(request)
    attempts = list(AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-attempt_time"))
    totals: dict[tuple[str, str], int] = {}
    for attempt in attempts:
        for key in (("username", attempt.username), ("ip", attempt.ip_address)):
            totals[key] = totals.get(key, 0) + attempt.failures_since_start
    for attempt in attempts:
        attempt.locked = (
            max(totals[("username", attempt.username)], totals[("ip", attempt.ip_address)]) >= limit
        )
    minutes = int(get_cool_off(request).total_seconds() // 60)
    return render(
        request,
        "accounts/locked_sign_ins.html",
        {"attempts": attempts, "limit": limit, "minutes": minutes},
    )
