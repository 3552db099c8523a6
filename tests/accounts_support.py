"""Two-factor sign-in stays on in the test settings; ``force_login`` means both factors given.

Every admin test signs its user in with ``client.force_login``: this fixture makes that log
in as a user who has an authenticator app and has entered its code, so the whole suite runs
through the enforcement middleware as verified staff. Tests of the sign-in itself
(tests/test_accounts_*.py) sign in through the login form, or use ``password_only_login``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

_force_login = Client.force_login


def password_only_login(client: Client, user, backend=None) -> None:
    """Sign in with the password step done and no second factor given yet."""
    _force_login(client, user, backend)


def login_with_second_factor(client: Client, user, backend=None) -> None:
    _force_login(client, user, backend)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture(autouse=True)
def force_login_gives_second_factor(monkeypatch) -> Iterator[None]:
    monkeypatch.setattr(Client, "force_login", login_with_second_factor)
    yield
