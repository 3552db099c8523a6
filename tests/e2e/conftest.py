"""A seeded demo on a live server, and Debian's Chromium driven by Playwright, for e2e tests.

The browser is the system's Chromium (``apt-get install chromium``); Playwright never
downloads one. Without it the tests skip, unless ``REQUIRE_BROWSER=1`` (set by CI), where a
missing browser is a failure. Every request to a host other than the live server is aborted
and recorded, so a test can assert that a page asked no other host for anything.

Seeding the demo takes tens of seconds, so this package seeds it once, commits it (the server
thread must see it), serves it with pytest-django's ``LiveServer`` and, when its last test is
done, empties the database and puts back what migrations had created — what Django's
``serialized_rollback`` does, for the package instead of for each test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from pytest_django.live_server_helper import LiveServer

from tests.quality_support import (
    LANGUAGES,
    PublicPage,
    public_pages,
    refuse_unless_test_database,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Screenshots and other files the browser tests leave for people to look at.
REPOSITORY = Path(__file__).resolve().parents[2]
E2E_OUTPUT_DIR = Path(os.environ.get("E2E_OUTPUT_DIR") or REPOSITORY / "build" / "e2e")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def no_browser(reason: str) -> None:
    """Skip locally; fail where a browser is required (CI sets REQUIRE_BROWSER=1)."""
    message = f"{reason}; install it with: apt-get install -y chromium"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {message}", pytrace=False)
    pytest.skip(f"browser tests skipped: {message}")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The system Chromium, checked before anything slow (seeding) happens."""
    path = shutil.which(CHROMIUM)
    if not path:
        no_browser(f"no Chromium at {CHROMIUM}")
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        no_browser(f"the test extra is not installed ({error.name})")
    return path


@dataclass
class DemoSite:
    """The live server's address and one public page of each kind, per language."""

    url: str
    pages: dict[str, list[PublicPage]]

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc

    def first(self, language: str, kind: str) -> PublicPage:
        """The page of that kind, or a failure naming what the demo lacks."""
        for page in self.pages[language]:
            if page.kind == kind:
                return page
        pytest.fail(f"seed_demo gives no {language!r} page of kind {kind!r}", pytrace=False)


@pytest.fixture(scope="package")
def demo_site(chromium_path, django_db_setup, django_db_blocker) -> Iterator[DemoSite]:
    """The demo, seeded and committed, served on localhost for the package's tests."""
    with django_db_blocker.unblock():
        refuse_unless_test_database()
        as_migrated = connection.creation.serialize_db_to_string()
        try:
            call_command("seed_demo", stdout=StringIO())
            pages = {language: public_pages(language, every_page=False) for language in LANGUAGES}
            server = LiveServer("localhost")
            try:
                yield DemoSite(url=server.url, pages=pages)
            finally:
                server.stop()
        finally:
            # As TransactionTestCase does: sequences keep counting, so the restored rows (with
            # their own ids) and new ones never collide.
            call_command(
                "flush",
                interactive=False,
                verbosity=0,
                inhibit_post_migrate=True,
                reset_sequences=False,
            )
            connection.creation.deserialize_db_from_string(as_migrated)
            # Cached lookups from the seeded database must not outlive it.
            ContentType.objects.clear_cache()
            cache.clear()


@pytest.fixture(scope="package")
def browser(chromium_path, demo_site):
    """Chromium, started once for the package.

    Playwright's sync API keeps an asyncio loop running in this thread, and Django then
    refuses database calls here (each test's transaction) as if they came from async code.
    Nothing async touches the database, so the check is lifted while the browser runs.
    """
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait up to 20 s (Playwright's default is 5): on a 2-CPU machine running other
    # work, an admin save and its reload can take longer than 5 s without anything being wrong.
    expect.set_options(timeout=20_000)
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
            # Database calls made while the loop ran (each test's transaction) had their own
            # connection, Django keeping one per async context: close it, or it keeps the
            # test database from being dropped at the end of the session.
            connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class Requests:
    """Every address the browser asked for, and those that were not the live server's."""

    host: str
    seen: list[str] = field(default_factory=list)

    def elsewhere(self) -> list[str]:
        return [url for url in self.seen if not self.is_local(url)]

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in {"data", "blob", "about"} or parts.netloc == self.host


@contextmanager
def local_only_page(browser, demo_site, **context_options) -> Iterator[tuple[object, Requests]]:
    """A fresh page (own cookies) and the record of its requests; other hosts are never
    reached: the request is recorded, then aborted. ``context_options`` go to Playwright's
    ``new_context`` (viewport, java_script_enabled)."""
    requests = Requests(host=demo_site.host)
    context = browser.new_context(base_url=demo_site.url, **context_options)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if requests.is_local(route.request.url)
            else route.abort("blockedbyclient")
        ),
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.on("request", lambda request: requests.seen.append(request.url))
    try:
        yield page, requests
    finally:
        context.close()


@pytest.fixture
def browser_page(browser, demo_site) -> Iterator[tuple[object, Requests]]:
    """A fresh page at Playwright's default size (see ``local_only_page``)."""
    with local_only_page(browser, demo_site) as opened:
        yield opened


@pytest.fixture(scope="session")
def e2e_output_dir() -> Path:
    """Where screenshots go: ``E2E_OUTPUT_DIR``, else ``build/e2e/`` (not committed)."""
    E2E_OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    return E2E_OUTPUT_DIR
