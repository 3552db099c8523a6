"""Wagtail's site and page questions answered from rows already loaded, for every page view.

Wagtail finds the site, the sites' root paths and a page's specific type with a query each
(cached, but with every cache a dummy, on every request). ``blog.serving`` (pages) and
``search.sites`` (the search view) load the sites and pages they need at once and answer those
questions with these functions, leaving the answers where Wagtail looks for them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Page, Site, get_page_models
from wagtail.models.sites import SiteRootPath


def load_sites() -> list[Site]:
    """Every site with its home page, in the order Wagtail lists their root paths."""
    return list(
        Site.objects.select_related("root_page", "root_page__locale").order_by(
            "-root_page__url_path", "-is_default_site", "hostname"
        )
    )


def by_translation_key(pages: Iterable[Page]) -> dict[str, list[Page]]:
    """Pages grouped with their translations: {translation key: [page in each language]}."""
    translations: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        translations[str(page.translation_key)].append(page)
    return translations


def serving_home_page(site: Site, homes: list[Page], language: str) -> Page | None:
    """The home page that serves ``language`` on ``site``, among its home pages in every
    language: the language's own when live, else the site's; None when either is missing
    (Wagtail then decides)."""
    root = next((page for page in homes if page.pk == site.root_page_id), None)
    in_language = next((page for page in homes if page.locale.language_code == language), None)
    if root is None or in_language is None:
        return None
    return in_language if in_language.live else root


def site_for(sites: list[Site], request: HttpRequest) -> Site | None:
    """Wagtail's ``get_site_for_hostname`` over sites already loaded."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def match(site: Site) -> int:
        if site.hostname == hostname and str(site.port) == str(port):
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        return 2 if site.is_default_site else 3

    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site), key=match
    )
    if not candidates:
        return None
    if len(candidates) == 1 or match(candidates[0]) in (0, 1):
        return candidates[0]
    if match(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


def root_paths(sites: list[Site], translations: dict[str, list[Page]]) -> list[SiteRootPath]:
    """``Site.get_site_root_paths()`` from sites already loaded in its order, with their home
    pages in every language."""
    paths = []
    for site in sites:
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            roots = sorted(
                translations.get(str(site.root_page.translation_key), []),
                key=lambda page: page.path,
            )
        else:
            roots = [site.root_page]
        paths += [
            SiteRootPath(site.id, root.url_path, site.root_url, root.locale.language_code)
            for root in roots
        ]
    return paths


@cache
def specific_paths() -> dict[type[Page], tuple[str, ...]]:
    """For each page model, the reverse one-to-one names from Page down to it (``storypage``),
    so one query with ``select_related`` loads any page as its specific type."""
    paths: dict[type[Page], tuple[str, ...]] = {Page: ()}
    for model in get_page_models():
        names: list[str] = []
        current = model
        while current is not Page:
            parent, link = next(
                (parent, link)
                for parent, link in current._meta.parents.items()
                if issubclass(parent, Page)
            )
            names.insert(0, link.related_query_name())
            current = parent
        paths[model] = tuple(names)
    return paths


def joined_specific(page: Page, model: type[Page]) -> Page | None:
    """The ``model`` object a row loaded with ``select_related(specific_link(model))`` holds,
    or None when the row holds none (another type, or the join was not made)."""
    specific = page
    try:
        for name in specific_paths()[model]:
            specific = getattr(specific, name)
    except (KeyError, ObjectDoesNotExist):
        return None
    return specific if isinstance(specific, model) else None


def specific_link(model: type[Page]) -> str:
    """The ``select_related`` path from Page down to ``model`` ("storypage")."""
    return "__".join(specific_paths()[model])


class ServingHome(NamedTuple):
    """The home page that serves the request's language, as routing found it: the main menu
    lists the pages below it without looking it up again."""

    language: str
    page: Page
    site_has_view_restrictions: bool


def serving_home(request: HttpRequest, language: str) -> ServingHome | None:
    """The home page routing found for ``language`` on this request, or None (not routed by
    ``preload_route``, or another language)."""
    found = getattr(request, "_clinic_serving_home", None)
    return found if found is not None and found.language == language else None


def remember_serving_home(
    request: HttpRequest, language: str, page: Page, site_has_view_restrictions: bool
) -> None:
    """Record the home page found for ``language``, for ``serving_home`` to give back."""
    request._clinic_serving_home = ServingHome(language, page, site_has_view_restrictions)
