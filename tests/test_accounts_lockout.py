"""Login lockout (django-axes): per account and per client address, a clear message, unlock."""

from __future__ import annotations

import logging

from axes.models import AccessAttempt
from django.test import Client, override_settings
from wagtail.models import ModelLogEntry

from tests.conftest import PASSWORD

LOGIN = "/admin/login/"


def attempt(username: str, password: str, address: str = "198.51.100.7", **headers):
    return Client(REMOTE_ADDR=address, **headers).post(
        LOGIN, {"username": username, "password": password}
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response.wsgi_request.user.is_authenticated


def test_twenty_wrong_passwords_then_the_right_one_is_refused(admin_user, caplog):
    caplog.set_level(logging.INFO)
    for _ in range(20):
        assert attempt("admin", "wrong password").status_code in {200, 429}
    response = attempt("admin", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(response)
    text = response.content.decode()
    assert "Too many failed sign-in attempts for this account or from your network." in text
    assert "blocked for 15 more minutes, even with the right password" in text
    assert int(response["Retry-After"]) <= 15 * 60
    assert 'name="username"' in text  # the sign-in form, to try again later
    # Logged once, naming the account and never the address.
    locks = [r.getMessage() for r in caplog.records if r.name == "accounts.lockout"]
    assert locks == ["Sign-in locked for account admin after 5 failed attempts"]
    assert "198.51.100.7" not in caplog.text
    assert ModelLogEntry.objects.filter(action="accounts.locked_out").count() == 1
    # What axes keeps of the failed forms holds no password.
    assert not AccessAttempt.objects.filter(post_data__contains="wrong password").exists()


def test_the_lock_starts_at_the_fifth_failure(reviewer):
    for _ in range(4):
        assert attempt("reviewer", "wrong password").status_code == 200
    assert attempt("reviewer", "wrong password").status_code == 429
    assert attempt("reviewer", PASSWORD).status_code == 429


def test_an_account_is_locked_whatever_address_the_guesses_come_from(comms):
    for number in range(5):
        attempt("comms", "wrong password", address=f"203.0.113.{number + 1}")
    response = attempt("comms", PASSWORD, address="192.0.2.50")
    assert response.status_code == 429


def test_an_address_is_locked_whatever_accounts_it_guesses(author, reviewer):
    for name in ["alice", "bob", "carol", "dave", "author"]:
        attempt(name, "wrong password", address="203.0.113.9")
    assert attempt("reviewer", PASSWORD, address="203.0.113.9").status_code == 429
    # The reviewer's account itself is not locked: from elsewhere, they sign in.
    assert signed_in(attempt("reviewer", PASSWORD, address="192.0.2.60"))


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_a_forged_forwarded_address_gives_no_fresh_budget(author):
    for number in range(5):
        attempt(
            f"guess{number}",
            "wrong password",
            address="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.77",
        )
    locked = attempt(
        "author", PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.77"
    )
    assert locked.status_code == 429
    other = attempt("author", PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.78")
    assert signed_in(other)


def test_an_administrator_unlocks(client_for, admin_user, reviewer):
    for _ in range(6):
        attempt("reviewer", "wrong password")
    assert attempt("reviewer", PASSWORD).status_code == 429

    administrator = client_for(admin_user)
    page = administrator.get("/admin/locked-sign-ins/").content.decode()
    assert "reviewer" in page and "Locked" in page
    lock = AccessAttempt.objects.get(username="reviewer")
    done = administrator.post("/admin/locked-sign-ins/", {"attempt": lock.pk}, follow=True)
    assert b"Unlocked: that account and address can sign in again." in done.content
    assert signed_in(attempt("reviewer", PASSWORD))
    entry = ModelLogEntry.objects.get(action="accounts.unlocked")
    assert (entry.user, entry.object_id) == (admin_user, str(reviewer.pk))


def test_only_administrators_see_or_unlock_locks(client_for, comms, reviewer):
    for _ in range(5):
        attempt("reviewer", "wrong password")
    lock = AccessAttempt.objects.get(username="reviewer")
    staff = client_for(comms)
    assert staff.get("/admin/locked-sign-ins/").status_code == 403
    assert staff.post("/admin/locked-sign-ins/", {"attempt": lock.pk}).status_code == 403
    assert attempt("reviewer", PASSWORD).status_code == 429


def test_a_right_password_clears_earlier_failures(author):
    for _ in range(4):
        attempt("author", "wrong password")
    assert signed_in(attempt("author", PASSWORD))
    for _ in range(4):
        attempt("author", "wrong password")
    assert signed_in(attempt("author", PASSWORD))
