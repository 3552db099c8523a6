"""``{% main_menu %}``: the site's main navigation, built from the page tree in each language.

The menu lists the live, public children of the current language's home page that editors
marked "Show in menus" (the Promote tab). It is stored in the page cache under the content
generation (``pagecache.generation``), so every publish, unpublish, move or deletion makes the
next render rebuild it, and a warm render costs no database query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django import template
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Locale, Page, Site

from pagecache import generation

register = template.Library()

# Entries are keyed by generation, so an old one is never read again; this only bounds how
# long an orphaned entry occupies the cache.
MENU_TIMEOUT = 24 * 60 * 60


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str  # the URL's path, compared with the request's to mark the current section


def _menu_root(site: Site, language: str) -> Page | None:
    """The home page in ``language``: the translation of the site's root, else the root."""
    root = Page.objects.filter(pk=site.root_page_id).first()
    if root is None:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or root.locale_id == locale.pk:
        return root
    translated = root.get_translation_or_none(locale)
    return translated if translated is not None and translated.live else root


def build_menu(request: HttpRequest, site: Site, language: str) -> list[MenuItem]:
    root = _menu_root(site, language)
    if root is None:
        return []
    items = []
    for child in root.get_children().live().public().in_menu().order_by("path"):
        url = child.get_url(request=request)
        if url:
            items.append(MenuItem(title=child.title, url=url, path=urlsplit(url).path))
    return items


def menu_items(request: HttpRequest) -> list[MenuItem]:
    """The menu for the request's site and language, from the cache when the content is unchanged."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    language = translation.get_language() or "en"
    cache = generation.page_cache()
    current = generation.current(cache)
    if current is None:  # a cache that keeps nothing: build every time
        return build_menu(request, site, language)
    key = f"navigation:main_menu:{site.pk}:{language}:{current}"
    items = cache.get(key)
    if items is None:
        items = build_menu(request, site, language)
        cache.set(key, items, MENU_TIMEOUT)
    return items


def _is_current(item: MenuItem, request_path: str) -> bool:
    """The reader is on the item's page or anywhere under it."""
    return request_path == item.path or request_path.startswith(item.path.rstrip("/") + "/")


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    if request is None:
        return {"items": []}
    return {
        "items": [
            {"title": item.title, "url": item.url, "current": _is_current(item, request.path)}
            for item in menu_items(request)
        ]
    }
