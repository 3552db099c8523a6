"""The lockout check in front of Django's password check."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class SignInLockoutBackend(AxesStandaloneBackend):
    """django-axes' check, for every sign-in that comes with a request.

    Without a request there is no client to lock out (management commands, the test client's
    ``login``): axes would raise, so the password check alone applies. Every sign-in form of
    the site passes its request.
    """

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
