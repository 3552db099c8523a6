"""``{% main_menu %}``: the site's main navigation, built from the page tree in each language.

The menu lists the live, public pages editors marked "Show in menus" (Promote tab) among the
children and grandchildren of the current language's home page, in the page tree's order: a
section (Stories) or a page inside one (the social-media policy under Policies) can be linked
directly. It is stored in the page cache for each host and language under the content
generation (``pagecache.generation``), so every publish, unpublish, move or deletion makes the
next render rebuild it, and a warm render costs no database query.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django import template
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from clinic_site.routing import serving_home
from pagecache import generation

logger = logging.getLogger(__name__)

register = template.Library()

# Entries are keyed by generation, so an old one is never read again; this only bounds how
# long an orphaned entry occupies the cache.
MENU_TIMEOUT = 24 * 60 * 60
# How far below the home page a "Show in menus" page may be: its sections and their pages.
MENU_DEPTH = 2


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str  # the URL's path, compared with the request's to mark the current section


def _menu_pages(root: Page, language: str) -> list[Page]:
    """The live, public "Show in menus" pages under the home page in ``language``, in one query;
    those under the site's own home page when that language has no live home page (Wagtail
    then serves the language from it).

    The language's home page is a subquery, and the public filter a NOT EXISTS on the pages'
    ancestors' view restrictions (Wagtail's ``.public()`` would load every restriction first).
    """
    home = Page.objects.filter(
        translation_key=root.translation_key, locale__language_code=language, live=True
    )
    under_home = Q(path__startswith=Subquery(home.values("path")[:1]))
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    rows = list(
        Page.objects.filter(
            under_home | Q(path__startswith=root.path),
            depth__gt=root.depth,
            depth__lte=root.depth + MENU_DEPTH,
        )
        .live()
        .in_menu()
        .exclude(Exists(restricted))
        .annotate(
            under_home=ExpressionWrapper(under_home, output_field=BooleanField()),
            language_has_home=Exists(home),
        )
        .order_by("path")
    )
    if rows and not rows[0].language_has_home:
        return rows
    return [row for row in rows if row.under_home]


def _menu_pages_below(home: Page) -> list[Page]:
    """The live "Show in menus" pages below a home page routing already found, on a site
    without view restrictions: one plain query, no subquery to find the home page again."""
    return list(
        Page.objects.filter(
            path__startswith=home.path,
            depth__gt=home.depth,
            depth__lte=home.depth + MENU_DEPTH,
        )
        .live()
        .in_menu()
        .order_by("path")
    )


def build_menu(request: HttpRequest, language: str) -> list[MenuItem]:
    """The menu of the request's site in ``language``."""
    routed = serving_home(request, language)
    if routed is not None and not routed.site_has_view_restrictions:
        pages = _menu_pages_below(routed.page)
    else:
        site = Site.find_for_request(request)
        if site is None:
            return []
        pages = _menu_pages(site.root_page, language)
    items = []
    for page in pages:
        url = page.get_url(request=request)
        if url:
            items.append(MenuItem(title=page.title, url=url, path=urlsplit(url).path))
    return items


def menu_items(request: HttpRequest) -> list[MenuItem]:
    """The menu for the request's host and language; cached while the content is unchanged.

    Keyed by host rather than by Wagtail site: the host decides the site and the links' form,
    and reading it needs no query (finding the site may need one).
    """
    language = translation.get_language() or "en"
    cache = generation.page_cache()
    try:
        current = generation.current(cache)
        key = f"navigation:main_menu:{current}:{language}:{request.get_host().lower()}"
        items = None if current is None else cache.get(key)
    except Exception:  # the cache is down: readers still get the page, with a fresh menu
        logger.warning("main menu: cache lookup failed, building the menu", exc_info=True)
        return build_menu(request, language)
    if current is None:  # a cache that keeps nothing: build every time
        return build_menu(request, language)
    if items is None:
        items = build_menu(request, language)
        try:
            cache.set(key, items, MENU_TIMEOUT)
        except Exception:
            logger.warning("main menu: could not store the menu", exc_info=True)
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
