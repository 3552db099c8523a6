"""Every /admin/ page asks for the second factor (README "Security", staff accounts)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve, reverse

from accounts.policy import has_second_factor, two_factor_required

# Reachable before the second factor: signing in and out, the code page, and what any admin
# page's furniture loads (translations catalogue, icon sprite).
OPEN_URL_NAMES = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "accounts_verify",
    }
)
# Reachable by someone who must enrol and has no device yet: enrolment itself.
ENROLMENT_URL_NAMES = frozenset({"accounts_setup"})


class StaffTwoFactorMiddleware:
    """Send a signed-in user who has not given the second factor to the code page.

    A user with an enrolled device (any role) must enter its code; a superuser or a holder of
    ``STAFF_2FA_PERMISSION`` (Clinical reviewers, Communications) without one is sent to
    enrolment, while ``STAFF_2FA_REQUIRED`` is on. Authors without a device work as before.
    Runs after django-otp's ``OTPMiddleware``, which gives ``request.user.is_verified()``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect = self.redirect_for(request)
        return redirect or self.get_response(request)

    def redirect_for(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if url_name in OPEN_URL_NAMES or user.is_verified():
            return None
        if has_second_factor(user):
            return redirect_to_login(request.get_full_path(), reverse("accounts_verify"))
        if two_factor_required(user) and url_name not in ENROLMENT_URL_NAMES:
            return redirect_to_login(request.get_full_path(), reverse("accounts_setup"))
        return None
