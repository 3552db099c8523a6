"""The demo in two languages: every page answers in both, with reciprocal alternates, Spanish
interface text, and per-language listings and feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
import pytest
from wagtail.models import Locale, Page

from demo.seed.spanish_text import SPANISH_PAGES
from tests.translations_support import alternates, switcher_links

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


pytestmark = pytest.mark.slow


@pytest.fixture
def pairs(seeded_demo, db) -> list[tuple[Page, Page]]:
    """(English, Spanish) for every demo page seed_demo translates."""
    spanish = Locale.objects.get(language_code="es")
    result = []
    for path in SPANISH_PAGES:
        english = Page.objects.get(locale__language_code="en", url_path=f"/home/{path}")
        result.append((english, english.get_translation(spanish)))
    return result


def test_the_demo_has_a_spanish_home_stories_a_video_and_the_policy(pairs):
    types = [spanish.specific_class.__name__ for _english, spanish in pairs]
    assert types.count("StoryPage") >= 4
    assert types.count("VideoPage") >= 1
    assert {"HomePage", "StoryIndexPage", "VideoIndexPage", "PolicyPage"} <= set(types)
    assert all(spanish.live for _english, spanish in pairs)


def test_every_translated_demo_page_answers_in_both_languages(client, pairs):
    for english, spanish in pairs:
        for page, lang in ((english, "en"), (spanish, "es")):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert f'<html lang="{lang}"' in response.content.decode(), page.url


def test_hreflang_pairs_are_reciprocal_and_the_switcher_follows_them(client, pairs):
    for english, spanish in pairs:
        english_html = client.get(english.url).content.decode()
        spanish_html = client.get(spanish.url).content.decode()
        assert alternates(english_html) == alternates(spanish_html), english.url
        assert alternates(english_html)["es"].endswith(spanish.url)
        assert alternates(spanish_html)["en"].endswith(english.url)
        assert switcher_links(english_html) == {"es": spanish.url}
        assert switcher_links(spanish_html) == {"en": english.url}


def test_a_story_without_translation_switches_to_the_spanish_home_page(client, seeded_demo, db):
    untranslated = (
        Page.objects.live()
        .filter(locale__language_code="en", url_path__startswith="/home/stories/", depth=4)
        .exclude(
            translation_key__in=Page.objects.filter(locale__language_code="es").values(
                "translation_key"
            )
        )
        .first()
    )
    html = client.get(untranslated.url).content.decode()
    assert switcher_links(html) == {"es": "/es/"}
    assert alternates(html) == {}


def test_the_sitemap_lists_every_language_with_alternates(client, pairs):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }
    for english, spanish in pairs:
        english_url, spanish_url = english.full_url, spanish.full_url
        expected = {"en": english_url, "es": spanish_url, "x-default": english_url}
        assert entries[english_url] == expected
        assert entries[spanish_url] == expected


def test_spanish_interface_text_on_the_spanish_pages(client, pairs):
    listing = client.get("/es/historias/").content.decode()
    for spanish in ("Saltar al contenido principal", "Filtrar historias", "Contada por"):
        assert spanish in listing
    assert "Skip to main content" not in listing and "Filter stories" not in listing
    video = next(s for _e, s in pairs if s.specific_class.__name__ == "VideoPage")
    html = client.get(video.url).content.decode()
    assert "Reproducir vídeo" in html and "Transcripción" in html
    assert "Play video" not in html


def test_a_spanish_story_is_in_the_spanish_listing_and_feed_only(client, pairs):
    english, spanish = next((e, s) for e, s in pairs if s.specific_class.__name__ == "StoryPage")
    spanish_listing = client.get("/es/historias/").content.decode()
    english_listing = client.get("/en/stories/").content.decode()
    assert spanish.title in spanish_listing and english.title not in spanish_listing
    assert english.title in english_listing and spanish.title not in english_listing

    spanish_feed = feedparser.parse(client.get("/es/historias/feed/rss/").content)
    english_feed = feedparser.parse(client.get("/en/stories/feed/atom/").content)
    spanish_titles = {entry.title for entry in spanish_feed.entries}
    english_titles = {entry.title for entry in english_feed.entries}
    assert spanish.title in spanish_titles and english.title not in spanish_titles
    assert english.title in english_titles and spanish.title not in english_titles
    assert all("/es/" in entry.link for entry in spanish_feed.entries)


def test_search_finds_spanish_stories_in_spanish_only(client, pairs):
    english, spanish = next((e, s) for e, s in pairs if s.url_path.endswith("-desboco/"))
    spanish_results = client.get("/es/search/", {"q": "desbocó"}).content.decode()
    assert spanish.title in spanish_results
    assert spanish.title not in client.get("/en/search/", {"q": "desbocó"}).content.decode()
    english_words_in_spanish = client.get("/es/search/", {"q": "heart rhythm"}).content.decode()
    assert english.title not in english_words_in_spanish
    assert english.title in client.get("/en/search/", {"q": "heart rhythm"}).content.decode()


def test_an_old_policy_version_has_no_alternates_and_switches_to_the_spanish_policy(client, pairs):
    spanish_policy = next(s for _e, s in pairs if s.specific_class.__name__ == "PolicyPage")
    html = client.get("/en/policy/social-media/versions/1.0/").content.decode()
    assert alternates(html) == {}
    assert switcher_links(html) == {"es": spanish_policy.url}
