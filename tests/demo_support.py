"""One seeded demo for the whole test session: ``seeded_demo``.

``seed_demo`` takes seconds to tens of seconds, and a dozen test modules read the demo it
builds. The demo is seeded once, into the test database, inside a transaction that is rolled
back as soon as a test that does not ask for the demo runs, so the rest of the suite never sees
it. The tests that ask for it run first (see ``pytest_collection_modifyitems``), one after the
other inside that transaction; each still runs in its own savepoint (pytest-django's ``db``),
so a test that changes demo content leaves the next one the demo as seeded.

Only for non-transactional database tests: ``transactional_db`` and ``live_server`` tests
flush the database, so they seed (and commit) their own demo (tests/e2e/conftest.py).
If a demo test runs after the transaction was rolled back (an unusual ``-k`` or ordering), the
demo is seeded again first.
"""

from __future__ import annotations

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.quality_support import refuse_unless_test_database

FIXTURE = "seeded_demo"
DEMO_PASSWORD = "demo-pass-123"  # every demo user's password in the seeded demo


class SeededDemo:
    """The open transaction holding the seeded demo, if any."""

    def __init__(self, blocker) -> None:
        self.blocker = blocker
        self.atomic = None
        self.seedings = 0

    def open(self) -> None:
        if self.atomic is not None:
            return
        with self.blocker.unblock():
            refuse_unless_test_database()
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            previous = os.environ.get("DEMO_PASSWORD")
            os.environ["DEMO_PASSWORD"] = DEMO_PASSWORD
            try:
                call_command("seed_demo", stdout=StringIO())
            except BaseException:
                self.close()
                raise
            finally:
                if previous is None:
                    del os.environ["DEMO_PASSWORD"]
                else:
                    os.environ["DEMO_PASSWORD"] = previous
            self.seedings += 1

    def close(self) -> None:
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None


_demo: SeededDemo | None = None


@pytest.fixture(scope="session")
def seeded_demo(django_db_setup, django_db_blocker) -> SeededDemo:
    """The demo as ``seed_demo`` builds it (users' password: ``DEMO_PASSWORD``), read in the
    test's own savepoint. For non-transactional database tests only."""
    global _demo
    _demo = SeededDemo(django_db_blocker)
    _demo.open()
    yield _demo
    _demo.close()
    _demo = None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The demo's tests first (a stable sort: pytest-django's database order stays otherwise),
    so the demo is seeded once and rolled back before any other test."""
    for item in items:
        if FIXTURE in getattr(item, "fixturenames", ()) and (
            "transactional_db" in item.fixturenames or "live_server" in item.fixturenames
        ):
            raise pytest.UsageError(f"{item.nodeid}: {FIXTURE} is for non-transactional tests")
    items.sort(key=lambda item: FIXTURE not in getattr(item, "fixturenames", ()))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before a test's fixtures: roll the demo back for a test that does not ask for it, or
    seed it again for one that does after it was rolled back."""
    if _demo is None:
        return
    if FIXTURE in item.fixturenames:
        _demo.open()
    else:
        _demo.close()
