"""Which public addresses a change affects, for the CDN purge (wagtail.contrib.frontend_cache).

The server's own page cache is invalidated whole by the content generation; a CDN can only be
told about addresses. These are the ones a page change shows on: the page, its ancestors (the
listing and the home page), the story feeds and the listing and feeds of each of its topics,
and its comment feeds. Search results cannot be listed: the CDN keeps them at most
``PAGECACHE_MAX_AGE`` seconds (README "Page cache").
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, Site

logger = logging.getLogger(__name__)


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _root_url(page: Page) -> str:
    parts = page.get_url_parts()
    return parts[1] if parts else ""


def _localized(root: str, language: str, name: str, *args) -> str:
    with translation.override(language):
        return root + reverse(name, args=args)


def page_urls(page: Page) -> set[str]:
    """The full URLs on which ``page`` (or a card, count or feed entry of it) appears."""
    from blog.models import StoryIndexPage, feed_links

    page = page.specific_deferred
    urls: set[str] = set()
    ancestors = Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1).specific()
    for shown_on in ancestors:
        url = shown_on.get_full_url()
        if url:
            urls.add(url)
        if isinstance(shown_on, StoryIndexPage) and url:
            tags = list(page.tags.all()) if hasattr(page, "tagged_items") and page.pk else []
            urls.update(link["url"] for link in feed_links(shown_on, None))
            for tag in tags:
                urls.add(f"{url}?tag={quote(tag.slug)}")
                urls.update(link["url"] for link in feed_links(shown_on, None, tag.slug))
    root = _root_url(page)
    # get_url() answers with a path when there is one site: the CDN needs full addresses.
    urls = {root + url if url.startswith("/") else url for url in urls}
    if root and getattr(page.specific_class, "accepts_reader_comments", False) and page.pk:
        language = page.locale.language_code
        for name in ("comments:story_feed_rss", "comments:story_feed_atom"):
            urls.add(_localized(root, language, name, page.pk))
        for name in ("comments:latest_feed_rss", "comments:latest_feed_atom"):
            urls.add(_localized(root, language, name))
    return urls


def search_urls(query_string: str) -> set[str]:
    """The search results page for these words, in every language."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return set()
    return {
        f"{_localized(site.root_url, code, 'search')}?q={quote(query_string)}"
        for code, _name in settings.LANGUAGES
    }


def purge_on_commit(urls: set[str]) -> None:
    """Ask the CDN to drop these addresses once the change is committed (never before)."""
    if not urls:
        return

    def purge() -> None:
        try:
            purge_urls_from_cache(sorted(urls))
        except Exception:
            logger.warning("page cache: the CDN purge failed", exc_info=True)

    transaction.on_commit(purge)
