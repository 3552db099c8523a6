"""Two-factor sign-in: enrolment, the code at sign-in, recovery codes, resets (issue #13).

Staff sign in through the admin's login form here (password only); the suite's other tests
use ``force_login``, which gives the second factor too (tests/accounts_support.py).
"""

from __future__ import annotations

import re
import time

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.views import new_recovery_codes
from tests.conftest import PASSWORD

# Some tests reach the database only through role fixtures: mark them all, so a transactional
# test that ran earlier cannot leave them without the groups migrations create.
pytestmark = pytest.mark.django_db

SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


def app_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What the phone's authenticator app shows now (or a few 30-second steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, user: User):
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return client


def enrolled(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


@pytest.mark.parametrize("role", ["reviewer", "comms", "admin_user", "consent_viewer"])
def test_required_roles_without_a_device_reach_only_enrolment(client, role, request):
    """Required by permission (whoever may see consent records), not by group name."""
    user = request.getfixturevalue(role)
    sign_in(client, user)
    for path in ["/admin/", "/admin/pages/", "/admin/reports/site-history/", "/admin/users/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{SETUP}?next="), path
    page = client.get(SETUP)
    assert page.status_code == 200
    assert b"Set up two-factor sign-in" in page.content


def test_enrolment_draws_the_qr_code_here_and_confirms_with_code_and_password(client, reviewer):
    sign_in(client, reviewer)
    page = client.get(SETUP).content.decode()
    assert '<svg role="img" aria-label="QR code to scan with your authenticator app"' in page
    # Nothing on the page comes from another host: the secret never leaves the site.
    outside = re.search(r'(src="|<link[^>]+href=")(https?:)?//(?!testserver)', page)
    assert not outside, outside
    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1).replace(" ", "")
    assert len(secret) == 32

    wrong = client.post(SETUP, {"code": app_code(device), "password": "not my password"})
    assert b"That is not your current password." in wrong.content
    assert client.get("/admin/pages/").status_code == 302

    done = client.post(SETUP, {"code": app_code(device), "password": PASSWORD})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=reviewer).confirmed
    assert StaticToken.objects.filter(device__user=reviewer).count() == 10
    assert client.get("/admin/pages/").status_code == 200
    assert ModelLogEntry.objects.filter(action="accounts.two_factor_enrolled").exists()


def test_enrolment_refuses_a_wrong_code(client, comms):
    sign_in(client, comms)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000", "password": PASSWORD})
    assert b"That code is not right." in response.content
    assert not TOTPDevice.objects.filter(user=comms, confirmed=True).exists()
    assert client.get("/admin/pages/")["Location"].startswith(SETUP)


def test_sign_in_asks_for_the_code_before_any_admin_page(client, reviewer):
    device = enrolled(reviewer)
    sign_in(client, reviewer)
    response = client.get("/admin/pages/")
    assert response["Location"] == f"{VERIFY}?next=/admin/pages/"
    # Enrolling another phone needs the code first, too.
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    assert b"Enter your code" in client.get(response["Location"]).content

    answer = client.post(VERIFY, {"code": app_code(device), "next": "/admin/pages/"})
    assert answer["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_and_many_wrong_codes_make_it_wait(client, admin_user):
    device = enrolled(admin_user)
    sign_in(client, admin_user)
    response = client.post(VERIFY, {"code": "123456"})
    assert response.status_code == 200
    assert b"That code is not right." in response.content
    assert client.get("/admin/").status_code == 302

    # After ten wrong codes the app's codes are refused for minutes, even the right one.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=10, throttling_failure_timestamp=timezone.now()
    )
    response = client.post(VERIFY, {"code": app_code(device)})
    assert b"Too many wrong codes. Wait" in response.content
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(client, comms):
    enrolled(comms)
    code = new_recovery_codes(comms)[0]
    sign_in(client, comms)
    response = client.post(VERIFY, {"code": code.upper()[:4] + "-" + code[4:]}, follow=True)
    assert response.status_code == 200
    assert b"You signed in with a recovery code: 9 are left." in response.content
    assert client.get("/admin/pages/").status_code == 200

    client.logout()
    sign_in(client, comms)
    again = client.post(VERIFY, {"code": code})
    assert b"That code is not right." in again.content
    assert client.get("/admin/pages/").status_code == 302


def test_an_administrator_resets_a_lost_phone(client, client_for, admin_user, reviewer):
    device = enrolled(reviewer)
    new_recovery_codes(reviewer)
    sign_in(client, reviewer)
    client.post(VERIFY, {"code": app_code(device)})
    assert client.get("/admin/pages/").status_code == 200

    from django.test import Client

    administrator = Client()
    administrator.force_login(admin_user)
    listing = administrator.get("/admin/users/").content.decode()
    assert f"/admin/two-factor/users/{reviewer.pk}/reset/" in listing
    assert administrator.get(f"/admin/two-factor/users/{reviewer.pk}/reset/").status_code == 200
    done = administrator.post(f"/admin/two-factor/users/{reviewer.pk}/reset/")
    assert done["Location"] == "/admin/users/"
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not StaticDevice.objects.filter(user=reviewer).exists()
    entry = ModelLogEntry.objects.get(action="accounts.two_factor_reset")
    assert (entry.user, entry.object_id) == (admin_user, str(reviewer.pk))
    history = administrator.get("/admin/reports/site-history/").content.decode()
    assert "Reset two-factor sign-in" in history
    # The reviewer's open session no longer counts as verified: enrol again.
    assert client.get("/admin/pages/")["Location"].startswith(SETUP)


def test_only_administrators_reset(client_for, comms, reviewer):
    device = enrolled(reviewer)
    response = client_for(comms).post(f"/admin/two-factor/users/{reviewer.pk}/reset/")
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_an_author_without_a_device_works_with_the_password_alone(client, author, home_page):
    sign_in(client, author)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{home_page.pk}/").status_code == 200
    overview = client.get("/admin/two-factor/")
    assert b"Two-factor sign-in is off for your account." in overview.content


def test_an_author_may_enrol_and_is_then_asked_for_the_code(client, author):
    sign_in(client, author)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=author)
    client.post(SETUP, {"code": app_code(device), "password": PASSWORD})
    client.logout()
    sign_in(client, author)
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": app_code(device, steps_ahead=1)})
    assert client.get("/admin/").status_code == 200


def test_public_pages_are_not_held_back(client, reviewer, home_page):
    sign_in(client, reviewer)
    assert client.get("/en/").status_code == 200


@override_settings(STAFF_2FA_REQUIRED=False)
def test_with_enforcement_off_reviewers_sign_in_with_the_password(client, reviewer):
    """The demo's setting (dev settings): `make demo` users need no phone."""
    sign_in(client, reviewer)
    assert client.get("/admin/pages/").status_code == 200
