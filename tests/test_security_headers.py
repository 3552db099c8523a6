"""Content-Security-Policy and Permissions-Policy on every public page family, both languages.

Readers' pages: only this site's own scripts and styles (no inline code, no 'unsafe-inline',
no wildcard), only the two privacy-first video players framed, never framed themselves. The
admin (and an editor's preview) gets the looser policy documented in the README, nothing more.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.test import Client

from blog.models import StoryPage
from tests.quality_support import LANGUAGES, public_pages

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "media-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["https://player.vimeo.com", "https://www.youtube-nocookie.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
FEATURES_OFF = ("camera", "microphone", "geolocation", "payment", "interest-cohort")


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sorted(sources)
    return directives


def assert_reader_headers(response, address: str) -> None:
    assert policy(response) == PUBLIC_POLICY, address
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "*" not in header, address
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in (*FEATURES_OFF, "browsing-topics"):
        assert features[feature] == "()", (address, feature)


def assert_no_inline_code(html: str, address: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json", address
    assert soup.find("style") is None, address
    for tag in soup.find_all(True):
        for attribute in tag.attrs:
            assert attribute != "style" and not attribute.startswith("on"), (address, tag.name)


def reader_addresses(language: str) -> list[tuple[str, int]]:
    """Every public page family: the quality checks' list, plus feeds, sitemap and comments."""
    addresses = [(page.path, page.status) for page in public_pages(language, every_page=False)]
    story = StoryPage.objects.live().filter(locale__language_code=language).first()
    index = story.get_parent()
    tag = story.tags.order_by("slug").first()
    addresses += [
        (f"{index.url}feed/rss/", 200),
        (f"{index.url}feed/atom/", 200),
        (f"{index.url}tag/{tag.slug}/feed/rss/", 200),
        (f"/{language}/comments/feed/rss/", 200),
        (f"/{language}/comments/{story.pk}/feed/atom/", 200),
        (f"/{language}/comments/{story.pk}/new/", 200),
        ("/sitemap.xml", 200),
    ]
    return addresses


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_family_sends_the_readers_policies(seeded_demo, language):
    client = Client()
    addresses = reader_addresses(language)
    kinds = {page.kind for page in public_pages(language, every_page=False)}
    assert {"home", "story", "video", "policy", "search, with results", "not found"} <= kinds
    for address, status in addresses:
        response = client.get(address)
        assert response.status_code == status, address
        assert_reader_headers(response, address)
        if response["Content-Type"].startswith("text/html"):
            assert_no_inline_code(response.content.decode(), address)


def test_the_admin_alone_gets_the_documented_looser_policy(seeded_demo):
    admin = Client()
    admin.force_login(User.objects.get(username="admin"))  # the demo's administrator
    story = StoryPage.objects.live().filter(locale__language_code="en").first()
    for address in ("/admin/login/", "/admin/", f"/admin/pages/{story.pk}/edit/"):
        response = (Client() if address == "/admin/login/" else admin).get(address)
        assert response.status_code == 200, address
        directives = policy(response)
        assert directives["script-src-elem"] == ["'self'", "'unsafe-inline'"], address
        assert directives["style-src-elem"] == ["'self'", "'unsafe-inline'"], address
        assert directives["script-src-attr"] == ["'none'"], address
        assert directives["style-src-attr"] == ["'none'"], address
        assert directives["frame-ancestors"] == ["'self'"], address
        assert "'self'" in directives["frame-src"], address
        assert directives["object-src"] == ["'none'"], address
        assert "*" not in response["Content-Security-Policy"], address

    # An editor's view of a draft is rendered for the page's public path, framed by the admin.
    draft = admin.get(f"/admin/pages/{story.pk}/view_draft/")
    assert draft.status_code == 200
    assert policy(draft)["frame-ancestors"] == ["'self'"]

    # The same story for a reader keeps the strict policy.
    assert_reader_headers(Client().get(story.url), story.url)
