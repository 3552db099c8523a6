"""What a story tells the outside world: share links, Open Graph images, JSON-LD.

Share links are plain links to each network's share page: no third-party script, widget or
counter is ever loaded, so nothing tracks a reader who does not click.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode, urljoin

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, gettext
from wagtail.models import Page, Site


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


def _language_of(page, request: HttpRequest | None) -> str:
    """The page's language. A served page is always in the language of its address (the
    active one), which saves a query for its locale; previews ask the page itself."""
    if request is None or getattr(request, "is_preview", False):
        return page.locale.language_code
    return get_language()


def story_structured_data(page, request: HttpRequest | None, tags: list) -> dict:
    """schema.org Article for a story, rendered as JSON-LD (data, not script)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title[:110],
        "description": page.summary,
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": _language_of(page, request),
        "author": {"@type": "Person", "name": page.display_byline},
        "publisher": {"@type": "Organization", "name": gettext("Clinic Stories")},
        "keywords": [tag.name for tag in tags],
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.hero_rendition is not None:
        data["image"] = absolute_url(request, page.hero_rendition.url)
    return data
