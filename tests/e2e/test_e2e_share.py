"""The Share button in a real browser, under the site's Content-Security-Policy.

Desktop Chromium on Linux has no Web Share API, which is the fallback case; a second test
gives the page a stand-in ``navigator.share`` to check the browser's sheet is used when there.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.e2e.browser_support import csp_reports, expect

pytestmark = [pytest.mark.django_db, pytest.mark.e2e, pytest.mark.slow]

STATUS = "section.share [data-share-status]"


def test_without_the_web_share_api_share_opens_the_choices_and_copy_link_announces(
    demo_site, browser_page
):
    page, requests = browser_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_site.url)
    page.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
    reports = csp_reports(page)
    story = demo_site.first("en", "story")
    page.goto(story.path, wait_until="load")
    seen_before = len(requests.seen)

    share = page.locator("section.share [data-share-button]")
    assert share.is_visible()
    assert share.get_attribute("aria-expanded") == "false"
    assert not page.locator("#share-choices").is_visible()  # folded until the reader asks

    share.click()
    assert share.get_attribute("aria-expanded") == "true"
    assert page.locator("#share-choices").is_visible()
    assert page.locator(".share-links a[href^='mailto:']").is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Copy link"

    page.keyboard.press("Enter")  # the focused copy button
    expect(page.locator(STATUS)).to_have_text("Link copied.")
    url = page.locator("#share-url").input_value()
    assert url.endswith(story.path)
    assert page.evaluate("navigator.clipboard.readText()") == url
    # Lazy images and the favicon may still arrive; nothing else (no call home, no tracker).
    after = [url for url in requests.seen[seen_before:] if "/media/" not in url]
    assert [url for url in after if "/static/" not in url] == []
    assert not requests.elsewhere()
    assert reports == []


def test_where_the_browser_can_share_its_own_sheet_gets_the_title_and_address(
    demo_site, browser_page
):
    page, requests = browser_page
    page.add_init_script(
        "navigator.share = function (data) {"
        " document.documentElement.dataset.shared = JSON.stringify(data);"
        " return Promise.resolve(); };"
    )
    story = demo_site.first("en", "story")
    page.goto(story.path, wait_until="load")
    page.click("section.share [data-share-button]")
    expect(page.locator("html")).to_have_attribute("data-shared", re.compile("url"))
    shared = json.loads(page.locator("html").get_attribute("data-shared"))
    assert shared["url"].endswith(story.path)
    assert shared["title"] == page.locator("h1").inner_text()
    assert not page.locator("#share-choices").is_visible()
    assert not requests.elsewhere()


def test_without_javascript_the_link_and_plain_choices_are_shown(demo_site, browser):
    context = browser.new_context(base_url=demo_site.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_site.first("en", "story").path)
        assert not page.locator("section.share [data-share-button]").is_visible()
        assert page.locator("#share-url").is_visible()
        assert page.locator(".share-links a[href^='mailto:']").is_visible()
    finally:
        context.close()
