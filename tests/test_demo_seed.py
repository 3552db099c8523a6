"""seed_demo builds the demo idempotently (production: tests/test_demo_production.py)."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from tests.demo_support import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"home", "blog", "policy", "workflow", "comments", "search"}
ALSO_COUNTED = [
    ("auth", "user"),
    ("auth", "group"),
    ("wagtailcore", "page"),
    ("wagtailcore", "revision"),
    ("wagtailcore", "locale"),
    ("wagtailimages", "image"),
    ("wagtaildocs", "document"),
    ("wagtailsearchpromotions", "searchpromotion"),
]


def row_counts() -> dict[str, int]:
    models = [m for m in apps.get_models() if m._meta.app_label in PROJECT_APPS]
    models += [apps.get_model(app_label, name) for app_label, name in ALSO_COUNTED]
    return {m._meta.label: m._default_manager.count() for m in models}


def test_seed_demo_twice_gives_the_same_counts(seeded_demo, monkeypatch, capsys):
    first = row_counts()
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-123")
    call_command("seed_demo")
    assert row_counts() == first
    assert first["auth.User"] == 4
    assert first["wagtailsearchpromotions.SearchPromotion"] >= 2


# As `make demo` serves them: the dev settings turn two-factor enforcement off (README "Security").
@override_settings(STAFF_2FA_REQUIRED=False)
def test_demo_users_can_log_in_to_the_admin(seeded_demo, client):
    for username in ("author", "reviewer", "comms", "admin"):
        client.logout()
        response = client.post(
            "/admin/login/", {"username": username, "password": DEMO_PASSWORD}, follow=True
        )
        assert response.status_code == 200
        assert response.wsgi_request.user.username == username, username
        assert client.get("/admin/").status_code == 200


def test_generated_password_is_printed_once_and_works(seeded_demo, client, monkeypatch, capsys):
    """Without DEMO_PASSWORD a password is generated, printed and set on the users seed_demo
    creates (the reviewer, removed from the session's demo first); existing users keep theirs."""
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    get_user_model().objects.filter(username="reviewer").delete()
    call_command("seed_demo")
    output = capsys.readouterr().out
    line = next(line for line in output.splitlines() if line.startswith("Demo password"))
    password = line.rsplit(": ", 1)[1]
    assert password != DEMO_PASSWORD
    assert client.login(username="reviewer", password=password)
    assert client.login(username="author", password=DEMO_PASSWORD)
    call_command("seed_demo")
    assert "Demo password" in capsys.readouterr().out
    # A second run generates a new password but leaves existing users' passwords alone.
    assert client.login(username="reviewer", password=password)


def test_demo_users_have_their_roles(seeded_demo):
    users = {u.username: u for u in get_user_model().objects.all()}
    assert list(users["author"].groups.values_list("name", flat=True)) == ["Authors"]
    assert list(users["reviewer"].groups.values_list("name", flat=True)) == ["Clinical reviewers"]
    assert list(users["comms"].groups.values_list("name", flat=True)) == ["Communications"]
    assert users["admin"].is_superuser
    assert not users["comms"].is_superuser
