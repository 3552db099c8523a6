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

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists
from django.http import HttpRequest
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from clinic_site.routing import ServingHome, remember_serving_home, root_paths, site_for


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
    sites = list(
        Site.objects.select_related("root_page", "root_page__locale").order_by(
            "-root_page__url_path", "-is_default_site", "hostname"
        )
    )
    if not sites:
        return SearchSite(Locale.get_active(), has_view_restrictions=True)
    homes = list(
        Page.objects.filter(translation_key__in={site.root_page.translation_key for site in sites})
        .select_related("locale")
        .annotate(site_has_view_restrictions=Exists(PageViewRestriction.objects.all()))
    )
    translations: dict[str, list[Page]] = defaultdict(list)
    for home in homes:
        translations[str(home.translation_key)].append(home)
    site = site_for(sites, request)
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = root_paths(sites, translations)
    restricted = any(home.site_has_view_restrictions for home in homes) or not homes
    locale = _active_locale(homes)
    if site is not None:
        remember_serving_home(request, _serving_home(site, translations, locale, restricted))
    return SearchSite(locale, has_view_restrictions=restricted)


def _serving_home(
    site: Site, translations: dict[str, list[Page]], locale: Locale, restricted: bool
) -> ServingHome:
    """The home page that serves ``locale`` on ``site`` (the site's own when that language has
    no live one), as routing finds it for pages: the main menu lists the pages below it."""
    in_language = next(
        (
            home
            for home in translations[str(site.root_page.translation_key)]
            if home.locale_id == locale.pk and home.live
        ),
        site.root_page,
    )
    return ServingHome(locale.language_code, in_language, restricted)
