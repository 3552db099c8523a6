"""Shared fixtures: one user per editorial role, the English home page, a Spanish locale.

Every test runs with uploads in temporary folders and an empty cache. Fixtures of one area
live in its ``tests/<area>_support.py`` module and are registered here for the whole suite.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Locale

from home.models import HomePage

pytest_plugins = [
    "tests.accounts_support",
    "tests.comments_support",
    "tests.demo_support",
    "tests.media_support",
    "tests.s3_server",
]

ROLE_GROUPS = {
    "author": "Authors",
    "reviewer": "Clinical reviewers",
    "comms": "Communications",
}
PASSWORD = "correct horse battery staple"
HOW_TO_RUN = "set DATABASE_URL=postgres://… to run it"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Units of work for pytest-xdist (``make test`` on SQLite, ``--dist loadgroup``): each test
    file is one, so its module fixtures are built once, and the browser tests are one together,
    so their package's live demo is seeded, served and put back once, after the other work a
    worker was given (pytest-django orders live-server tests last).

    A test marked ``postgres(reason=…)`` is skipped on SQLite with that reason (``-ra``
    lists it); on PostgreSQL, as in CI, it runs. The only way a test skips for its database."""
    from django.db import connection

    for item in items:
        group = "e2e" if item.get_closest_marker("e2e") else item.path.name
        item.add_marker(pytest.mark.xdist_group(group))
    if connection.vendor == "postgresql":
        return
    for item in items:
        marker = item.get_closest_marker("postgres")
        if marker is None:
            continue
        reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
        if not reason:
            raise pytest.UsageError(f"{item.nodeid}: @pytest.mark.postgres needs a reason")
        item.add_marker(pytest.mark.skip(reason=f"PostgreSQL only: {reason} ({HOW_TO_RUN})"))


@pytest.fixture(scope="session", autouse=True)
def media_folders(tmp_path_factory) -> Iterator[Path]:
    """Uploads go to a temporary folder, never into the checkout's media folders.

    Session-wide, so the session's seeded demo (tests/demo_support.py, which seeds images) is
    covered too.
    """
    # Imported here: a module named in pytest_plugins must not be imported before pytest does.
    from tests.media_support import local_media_settings

    root = tmp_path_factory.mktemp("uploads")
    with override_settings(**local_media_settings(root, settings.STORAGES)):
        yield root


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Each test starts and ends with an empty cache (rate limits, cached pages)."""
    cache.clear()
    yield
    cache.clear()


def make_user(username: str, *groups: str, superuser: bool = False, **extra) -> User:
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.org",
        first_name=extra.pop("first_name", username.title()),
        last_name=extra.pop("last_name", "Tester"),
        is_staff=superuser,
        is_superuser=superuser,
        **extra,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def author(db) -> User:
    return make_user("author", "Authors", first_name="Ana", last_name="Torres")


@pytest.fixture
def second_author(db) -> User:
    return make_user("author2", "Authors", first_name="Ben", last_name="Okafor")


@pytest.fixture
def reviewer(db) -> User:
    return make_user("reviewer", "Clinical reviewers", first_name="Samir", last_name="Patel")


@pytest.fixture
def second_reviewer(db) -> User:
    return make_user("reviewer2", "Clinical reviewers", first_name="Lena", last_name="Kraus")


@pytest.fixture
def comms(db) -> User:
    return make_user("comms", "Communications", first_name="Jordan", last_name="Lee")


@pytest.fixture
def consent_viewer(db) -> User:
    """An author in no review group who was granted *Can view consent record*: what reviewers
    see of consent is decided by that permission (workflow.access), not by a group name."""
    user = make_user("consentviewer", "Authors", first_name="Iris", last_name="Novak")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="workflow", codename="view_consentrecord")
    )
    return user


@pytest.fixture
def admin_user(db) -> User:
    return make_user("admin", superuser=True, first_name="Morgan", last_name="Reyes")


@pytest.fixture
def home_page(db) -> HomePage:
    """The English home page created by the home app's data migration."""
    return HomePage.objects.get(depth=2, locale__language_code="en")


@pytest.fixture
def spanish(db) -> Locale:
    return Locale.objects.get(language_code="es")


@pytest.fixture
def client_for(client):
    """Log the test client in as a user and hand it back."""

    def login(user: User):
        client.force_login(user)
        return client

    return login
