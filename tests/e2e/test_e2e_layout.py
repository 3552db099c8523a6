"""The layout a reader sees on a phone (390x844) and a laptop (1280 wide), in Chromium.

The compact header (one row on a phone, a Menu that works with the keyboard and without
JavaScript, search one tap away), the Spanish header on one row at 1280, the self-hosted font,
and the fixes made by CSS alone (transcript marker, pull-quote attribution face, the header's
Search button). Screenshots of the main pages at both widths and in both languages go to the
e2e output folder (``E2E_OUTPUT_DIR``, else ``build/e2e/``; see conftest).
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import local_only_page
from tests.quality_support import LANGUAGES

pytestmark = [pytest.mark.django_db, pytest.mark.e2e, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
COMPACT_HEADER_MAX = 120  # px, at 390x844


def reader(browser, demo_site, viewport, *, javascript: bool = True):
    """A fresh page at that size; requests to other hosts are recorded and aborted."""
    return local_only_page(browser, demo_site, viewport=viewport, java_script_enabled=javascript)


def open_page(page, path: str, status: int = 200) -> None:
    response = page.goto(path, wait_until="load")
    assert response is not None and response.status == status, path
    page.evaluate("document.fonts.ready.then(() => true)")


def header_height(page) -> float:
    return page.locator(".site-header").bounding_box()["height"]


def nav_link(page):
    return page.locator(".site-nav a").first


def menu_button_state(page) -> tuple[str, dict]:
    """What Chromium tells screen readers about the Menu button: its role and states."""
    session = page.context.new_cdp_session(page)
    try:
        for node in session.send("Accessibility.getFullAXTree")["nodes"]:
            if node.get("ignored") or node.get("name", {}).get("value") != "Menu":
                continue
            states = {item["name"]: item["value"].get("value") for item in node["properties"]}
            return node["role"]["value"], states
    finally:
        session.detach()
    pytest.fail("no control named Menu in the accessibility tree")


# Compact header on a phone


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_header_is_one_compact_row_on_the_home_page(browser, demo_site, language):
    with reader(browser, demo_site, PHONE) as (page, _requests):
        open_page(page, demo_site.first(language, "home").path)
        assert header_height(page) <= COMPACT_HEADER_MAX
        assert page.locator(".site-menu__toggle").is_visible()
        assert page.locator(".site-header__search-link").is_visible()
        assert not nav_link(page).is_visible(), "the navigation should wait behind Menu"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_search_results_start_on_the_first_screen(browser, demo_site, language):
    with reader(browser, demo_site, PHONE) as (page, _requests):
        public = demo_site.first(language, "search, with results")
        open_page(page, public.path)
        assert header_height(page) <= COMPACT_HEADER_MAX
        first_result = page.locator(".search-results .search-result__title").first
        box = first_result.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], (
            f"the first result's title ends at {box and box['y'] + box['height']} px"
        )
        assert public.expect_text in page.locator(".search-results").inner_text()


@pytest.mark.parametrize("key", ["Enter", " "])
def test_menu_opens_and_closes_with_the_keyboard(browser, demo_site, key):
    with reader(browser, demo_site, PHONE) as (page, _requests):
        open_page(page, demo_site.first("en", "story").path)
        toggle = page.locator(".site-menu__toggle")
        page.keyboard.press("Tab")  # the skip link
        for _ in range(10):
            if page.evaluate("document.activeElement.classList.contains('site-menu__toggle')"):
                break
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('site-menu__toggle')"), (
            "Tab never reached the Menu button"
        )
        # Screen readers hear a collapsed, then expanded, disclosure control named Menu.
        role, states = menu_button_state(page)
        assert role == "DisclosureTriangle" and states.get("expanded") is False, (role, states)
        page.keyboard.press(key)
        assert menu_button_state(page)[1].get("expanded") is True
        assert nav_link(page).is_visible()
        assert page.locator(".language-switcher").is_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.site-nav') !== null"), (
            "Tab after opening the menu should go to its first link"
        )
        toggle.focus()
        page.keyboard.press(key)
        assert not nav_link(page).is_visible()


def test_escape_closes_the_menu_and_returns_to_its_button(browser, demo_site):
    with reader(browser, demo_site, PHONE) as (page, _requests):
        open_page(page, demo_site.first("en", "home").path)
        page.locator(".site-menu__toggle").click()
        nav_link(page).focus()
        page.keyboard.press("Escape")
        assert not nav_link(page).is_visible()
        assert page.evaluate("document.activeElement.classList.contains('site-menu__toggle')")


@pytest.mark.parametrize("language", LANGUAGES)
def test_menu_works_without_javascript(browser, demo_site, language):
    with reader(browser, demo_site, PHONE, javascript=False) as (page, _requests):
        open_page(page, demo_site.first(language, "home").path)
        assert not nav_link(page).is_visible()
        page.locator(".site-menu__toggle").click()
        link = nav_link(page)
        assert link.is_visible()
        target = link.get_attribute("href")
        with page.expect_navigation():
            link.click()
        assert page.url.endswith(target)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_search_is_one_tap_away_on_a_phone(browser, demo_site, javascript):
    with reader(browser, demo_site, PHONE, javascript=javascript) as (page, _requests):
        open_page(page, demo_site.first("es", "story").path)
        with page.expect_navigation():
            page.locator(".site-header__search-link").click()
        assert "/es/search/" in page.url
        field = page.locator("main input[type=search]")
        box = field.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]
        if javascript:
            assert page.evaluate("document.activeElement.type") == "search"
            page.keyboard.type("enfermera")
            assert field.input_value() == "enfermera"


# The header on a laptop


@pytest.mark.parametrize("width", [1088, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_header_is_one_row_from_68em(browser, demo_site, language, width):
    """From 68em (1,088 px) the whole header, Spanish included, sits in one row."""
    with reader(browser, demo_site, {"width": width, "height": 800}) as (page, _requests):
        open_page(page, demo_site.first(language, "story").path)
        assert not page.locator(".site-menu__toggle").is_visible()
        assert not page.locator(".site-header__search-link").is_visible()
        parts = page.locator(
            ".site-header__brand, .site-nav a, .site-search input, .site-search button,"
            " .language-switcher li"
        )
        centres = [
            round(box["y"] + box["height"] / 2)
            for box in (parts.nth(index).bounding_box() for index in range(parts.count()))
        ]
        assert len(centres) >= 6
        assert max(centres) - min(centres) <= 8, f"header parts on several rows: {centres}"
        assert header_height(page) <= 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_search_button_looks_like_a_button(browser, demo_site, language):
    with reader(browser, demo_site, LAPTOP) as (page, _requests):
        open_page(page, demo_site.first(language, "home").path)
        styles = page.evaluate(
            """() => {
                const header = getComputedStyle(document.querySelector('.site-header'));
                const button = getComputedStyle(document.querySelector('.site-search button'));
                return {header: header.backgroundColor, background: button.backgroundColor,
                        border: parseFloat(button.borderTopWidth), colour: button.color,
                        height: document.querySelector('.site-search button')
                            .getBoundingClientRect().height};
            }"""
        )
        assert styles["background"] != styles["header"], styles
        assert styles["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), styles
        assert styles["colour"] != styles["background"], styles
        assert styles["border"] >= 1, styles
        assert styles["height"] >= 44, styles


# Type: the self-hosted font, the pull quote, the transcript


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_font_comes_from_this_site_and_nothing_from_elsewhere(browser, demo_site, language):
    with reader(browser, demo_site, PHONE) as (page, requests):
        open_page(page, demo_site.first(language, "story").path)
        assert page.evaluate("document.fonts.check('18px \"Source Sans 3\"')")
        loaded = page.evaluate(
            "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
        )
        assert any("Source Sans 3" in family for family in loaded), loaded
        fonts = [url for url in requests.seen if url.endswith(".woff2")]
        assert fonts and all(requests.is_local(url) for url in fonts), fonts
        assert not requests.elsewhere(), f"asked other hosts: {requests.elsewhere()}"


def test_pull_quote_attribution_is_in_the_body_face(browser, demo_site):
    with reader(browser, demo_site, LAPTOP) as (page, _requests):
        for language in LANGUAGES:
            open_page(page, demo_site.first(language, "story").path)
            if page.locator(".pull-quote figcaption").count():
                break
        else:
            pytest.fail("the demo's feature story has no attributed pull quote")
        faces = page.evaluate(
            """() => ({
                body: getComputedStyle(document.body).fontFamily,
                quote: getComputedStyle(
                    document.querySelector('.pull-quote blockquote')).fontFamily,
                attribution: getComputedStyle(
                    document.querySelector('.pull-quote figcaption')).fontFamily,
            })"""
        )
        assert faces["attribution"] == faces["body"], faces
        assert "Georgia" in faces["quote"], faces


def test_transcript_toggle_shows_a_disclosure_marker(browser, demo_site):
    with reader(browser, demo_site, LAPTOP) as (page, _requests):
        open_page(page, demo_site.first("en", "video").path)
        summary = page.locator(".video__transcript summary").first
        marker = (
            "getComputedStyle(document.querySelector('.video__transcript summary'), '::before')"
            ".content"
        )
        assert "\u25b8" in page.evaluate(marker)  # ▸ closed
        summary.click()
        assert page.locator(".video__transcript-text").first.is_visible()
        assert "\u25be" in page.evaluate(marker)  # ▾ open


# Screenshots of the main pages

SCREENSHOT_KINDS = ("home", "story index", "story", "video", "policy", "search, with results")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1280"])
def test_main_pages_fit_the_screen_and_are_photographed(
    browser, demo_site, e2e_output_dir, language, viewport
):
    """Every main page fits the window's width (no sideways scrolling) and its cards show
    their photographs at their size; a full-page screenshot of each is kept."""
    with reader(browser, demo_site, viewport) as (page, requests):
        for kind in SCREENSHOT_KINDS:
            public = demo_site.first(language, kind)
            open_page(page, public.path, public.status)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{public.path} is {width} px wide"
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_load_state("networkidle")
            broken = page.evaluate(
                "[...document.images].filter(i => i.complete && i.naturalWidth === 0 && i.src)"
                ".map(i => i.src)"
            )
            assert not broken, f"{public.path}: images that did not load {broken}"
            name = kind.split(",")[0].replace(" ", "-")
            path = e2e_output_dir / f"layout-{language}-{name}-{viewport['width']}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000, path
        assert not requests.elsewhere(), f"asked other hosts: {requests.elsewhere()}"
