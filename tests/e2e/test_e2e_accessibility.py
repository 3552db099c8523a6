"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any kind of public page.

Each kind of page is opened in Chromium in both languages, as a reader would reach it —
including the comment form shown again with an error — and checked by axe-core (bundled by
axe-playwright-python and injected from disk: nothing is fetched). The same visit checks that
the page asked no host but this site for anything.
"""

from __future__ import annotations

import pytest

from tests.quality_support import EXPECTED_PAGES, LANGUAGES

# Needed so that pytest-django creates the test database the demo is seeded into.
pytestmark = [pytest.mark.django_db, pytest.mark.e2e, pytest.mark.slow]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def axe_violations(page) -> list[str]:
    """One line per violated rule: rule, impact, how many elements, the first few of them."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    lines = []
    for rule in found:
        targets = [" ".join(map(str, node["target"])) for node in rule["nodes"]]
        lines.append(
            f"{rule['id']} ({rule['impact']}): {rule['help']} — {len(targets)} element(s): "
            + "; ".join(targets[:5])
        )
    return lines


@pytest.mark.parametrize(("language", "kind"), EXPECTED_PAGES)
def test_page_has_no_axe_violations(demo_site, browser_page, language, kind):
    page, requests = browser_page
    public = demo_site.first(language, kind)
    response = page.goto(public.path, wait_until="load")
    assert response is not None and response.status == public.status, public.path

    violations = axe_violations(page)
    assert not violations, f"{public.path}:\n  " + "\n  ".join(violations)
    assert not requests.elsewhere(), f"{public.path} asked other hosts: {requests.elsewhere()}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_comment_form_with_an_error_has_no_axe_violations(demo_site, browser_page, language):
    """Sent straight away, the comment is held back as too quick: the form comes back with
    the reader's text and the reason, and that page must be as accessible as the story."""
    page, requests = browser_page
    page.goto(demo_site.first(language, "story").path)
    page.click(".comments__write-link")
    form = page.locator("form.comment-form")
    form.wait_for()
    form.locator("input[name=name]").fill("Ana")
    form.locator("textarea[name=body]").fill("Thank you for sharing this.")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator(".comment-form [role=alert]").count() == 1, "no error shown"
    assert page.locator("textarea[name=body]").input_value() == "Thank you for sharing this."

    violations = axe_violations(page)
    assert not violations, f"{page.url}:\n  " + "\n  ".join(violations)
    assert not requests.elsewhere(), f"asked other hosts: {requests.elsewhere()}"
