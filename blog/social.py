"""What a story tells the outside world: share links, Open Graph images, JSON-LD.

Share links are plain links to each network's share page: no third-party script, widget or
counter is ever loaded, so nothing tracks a reader who does not click.
"""

from __future__ import annotations

import datetime
import math
from urllib.parse import quote, urlencode, urljoin

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from wagtail.models import Page, Site

WORDS_PER_MINUTE = 200


def absolute_url(request: HttpRequest | None, url: str) -> str:
    """Make a media or page address absolute on the site's canonical host (as the sitemap does)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return urljoin(site.root_url + "/", url)
    if request is not None:
        return request.build_absolute_uri(url)
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url)


def share_links(page: Page, request: HttpRequest | None) -> list[dict[str, str]]:
    """Email and social-network share addresses for a page, as plain links."""
    url = page.get_full_url(request)
    title = page.title
    encoded = {"url": quote(url, safe=""), "title": quote(title, safe="")}
    return [
        {
            "network": "email",
            "label": gettext("Email"),
            "url": "mailto:?"
            + urlencode({"subject": title, "body": f"{title}\n\n{url}"}, quote_via=quote),
        },
        {
            "network": "facebook",
            "label": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?u={url}".format(**encoded),
        },
        {
            "network": "x",
            "label": "X",
            "url": "https://x.com/intent/post?url={url}&text={title}".format(**encoded),
        },
        {
            "network": "linkedin",
            "label": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?url={url}".format(**encoded),
        },
        {
            "network": "whatsapp",
            "label": "WhatsApp",
            "url": "https://wa.me/?text=" + quote(f"{title} {url}", safe=""),
        },
        {
            "network": "bluesky",
            "label": "Bluesky",
            "url": "https://bsky.app/intent/compose?text=" + quote(f"{title} {url}", safe=""),
        },
    ]


def reading_minutes(raw_body) -> int:
    """Minutes to read the words of a story's body, from its raw StreamField data (a list of
    ``{"type", "value"}`` blocks): text, pull quotes and captions count, videos do not."""
    words = 0
    for block in raw_body or ():
        value = block.get("value")
        if block.get("type") == "text":
            words += len(strip_tags(value or "").split())
        elif block.get("type") == "pull_quote":
            words += len((value or {}).get("quote", "").split())
        elif block.get("type") == "image":
            words += len((value or {}).get("caption", "").split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def article_data(
    *,
    title: str,
    summary: str,
    byline: str,
    language: str,
    keywords: list[str],
    first_published_at: datetime.datetime | None,
    last_published_at: datetime.datetime | None,
) -> dict:
    """The schema.org Article of a story without its addresses, in the story's language.

    Worked out when the story is saved or published and stored on the page (``StoryPage.
    structured_data``); the request adds only the page's and the image's addresses
    (``story_structured_data``), which depend on the site it is served from.
    """
    with translation.override(language):
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": title[:110],
            "description": summary,
            "inLanguage": language,
            "author": {"@type": "Person", "name": byline or gettext("Anonymous")},
            "publisher": {"@type": "Organization", "name": gettext("Clinic Stories")},
            "keywords": list(keywords),
        }
    if first_published_at:
        data["datePublished"] = first_published_at.isoformat()
    if last_published_at:
        data["dateModified"] = last_published_at.isoformat()
    return data


def story_structured_data(page, request: HttpRequest | None) -> dict:
    """schema.org Article for a story, rendered as JSON-LD (data, not script): what was stored
    when it was published, with the page's address and its hero image's."""
    url = page.get_full_url(request)
    data = {**page.structured_data, "url": url, "mainEntityOfPage": url}
    if page.hero_rendition is not None:
        data["image"] = absolute_url(request, page.hero_rendition.url)
    return data
