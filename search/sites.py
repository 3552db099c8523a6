"""The site, its home pages' addresses and the reader's locale for the search view, in two queries.

The search page is a Django view, so the routing middleware (``blog.serving``) does not load
the site for it, and with every cache a dummy Wagtail asks five questions a query each: the
locale, the site, the sites' root paths (the sites, then their home pages' translations) and
every view restriction (for ``.public()``). Here the sites, then the home pages in every
language (each row also saying whether the site has any view restriction) answer all five;
the site and root paths are left on the request where Wagtail's ``Site.find_for_request`` and
``Page.get_url`` look for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists
from django.http import HttpRequest
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction

from clinic_site.routing import (
    by_translation_key,
    load_sites,
    remember_serving_home,
    root_paths,
    serving_home_page,
    site_for,
)


@dataclass(frozen=True)
class SearchSite:
    """What the search view needs to know about where it runs."""

    locale: Locale
    has_view_restrictions: bool


def _active_locale(homes: list[Page]) -> Locale:
    """The active language's locale, from the home pages' own (Wagtail's query if none)."""
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return Locale.get_active()
    for home in homes:
        if home.locale.language_code == language:
            return home.locale
    return Locale.get_active()


def load_site(request: HttpRequest) -> SearchSite:
    """Load the request's site, root paths and locale; say whether ``.public()`` is needed."""
    sites = load_sites()
    if not sites:
        return SearchSite(Locale.get_active(), has_view_restrictions=True)
    homes = list(
        Page.objects.filter(translation_key__in={site.root_page.translation_key for site in sites})
        .select_related("locale")
        .annotate(site_has_view_restrictions=Exists(PageViewRestriction.objects.all()))
    )
    translations = by_translation_key(homes)
    site = site_for(sites, request)
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = root_paths(sites, translations)
    restricted = any(home.site_has_view_restrictions for home in homes) or not homes
    locale = _active_locale(homes)
    if site is not None:
        homes_of_site = translations[str(site.root_page.translation_key)]
        home = serving_home_page(site, homes_of_site, locale.language_code)
        if home is not None:
            remember_serving_home(request, locale.language_code, home, restricted)
    return SearchSite(locale, has_view_restrictions=restricted)
