"""Keyboard use: the skip link, and the privacy-first video player, which asks nothing first.

A reader who tabs to the play button and presses Enter gets the privacy-enhanced player; until
then the page has made no request to any host but this site. (Requests to other hosts are
aborted by the fixture, so the test never reaches the internet.)
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

# Needed so that pytest-django creates the test database the demo is seeded into.
pytestmark = [pytest.mark.django_db, pytest.mark.e2e, pytest.mark.slow]

PLAYER_HOSTS = {"www.youtube-nocookie.com", "player.vimeo.com"}
MAX_TABS = 80


def tab_to(page, selector: str) -> bool:
    """Press Tab until the element matching ``selector`` has focus; False if it never does."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return True
    return False


def has_visible_focus(page) -> bool:
    """The focused element draws an outline (the site's :focus-visible style) or a shadow."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            return outline || style.boxShadow !== "none";
        }"""
    )


def test_skip_link_is_the_first_tab_stop_and_jumps_to_the_content(demo_site, browser_page):
    page, _requests = browser_page
    page.goto(demo_site.first("en", "story").path)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    assert page.locator("a.skip-link").is_visible(), "the skip link stays hidden when focused"
    assert has_visible_focus(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("kind", ["video", "story"])
def test_video_facade_plays_from_the_keyboard_without_asking_the_host_first(
    demo_site, browser_page, kind
):
    page, requests = browser_page
    public = demo_site.first("en", kind)
    page.goto(public.path, wait_until="load")
    button = page.locator("[data-video-facade] button[data-embed-url]").first
    if kind == "story" and button.count() == 0:
        pytest.skip(f"the demo story {public.path} has no video block")

    assert button.is_visible(), "the play button is not shown (facade script not running?)"
    assert not page.locator("[data-video-facade] iframe").count(), "player present before asking"
    assert not requests.elsewhere(), f"requests before the click: {requests.elsewhere()}"
    assert requests.seen, "the request recorder saw nothing at all"

    assert tab_to(page, "[data-video-facade] button[data-embed-url]"), "play button not reachable"
    assert has_visible_focus(page), "the focused play button shows no focus indicator"
    page.keyboard.press("Enter")

    player = page.locator("[data-video-facade] iframe").first
    player.wait_for(state="attached")
    assert urlsplit(player.get_attribute("src")).hostname in PLAYER_HOSTS
    assert (player.get_attribute("title") or "").strip(), "the player has no accessible title"
    assert page.evaluate("document.activeElement.tagName") == "IFRAME", "focus left behind"
    # Only now, because the reader asked, does the page call the player's host.
    assert {urlsplit(url).hostname for url in requests.elsewhere()} <= PLAYER_HOSTS
