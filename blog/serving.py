"""Serving readers' pages in fewer queries: routing, view restrictions, the public filter.

Wagtail answers these questions with a query each, several times per page: which site this is,
which home page serves the active language (the locale, then the translation, then its specific
type), which child has this slug (then again for its specific type), the sites' root paths (two
more for page addresses), which view restrictions apply (the ancestors, then the restrictions),
and ``.public()`` (all restrictions, once per queryset). Sites usually have no view restriction
at all, so one query for all of them settles every question at once; when there are some,
Wagtail's own answers are used.

``RouteInTwoQueriesMiddleware`` answers the routing questions of a page request in two queries
(the sites; then every page on the address's path with its specific type, the sites' home pages
in every language and the live translations of each page on the path), then lets the pages'
own ``route()`` methods run as usual: they find their children among the pages already loaded.
Whatever it cannot settle (an address that is no page, several sites sharing a hostname) goes
Wagtail's way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.db.models import Exists, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

from clinic_site.routing import (
    by_translation_key,
    joined_specific,
    load_sites,
    remember_serving_home,
    root_paths,
    serving_home_page,
    site_for,
    specific_paths,
)

# Addresses deeper than this are routed Wagtail's way.
MAX_PRELOADED_SEGMENTS = 8


def site_view_restrictions(page: Page) -> list[PageViewRestriction]:
    """Every view restriction of the site, loaded once per page object (usually none)."""
    if "_clinic_restrictions" not in page.__dict__:
        page.__dict__["_clinic_restrictions"] = list(
            PageViewRestriction.objects.select_related("page")
        )
    return page.__dict__["_clinic_restrictions"]


def public_only(queryset: QuerySet, page: Page) -> QuerySet:
    """``queryset.public()`` with the restrictions ``page`` has already loaded."""
    private = Q()
    for restriction in site_view_restrictions(page):
        private |= Q(path__startswith=restriction.page.path)
    return queryset.exclude(private) if private else queryset


def view_restrictions(page: Page, wagtail_answer: Callable[[], object]):
    """The restrictions on ``page``: none when the site has none, else Wagtail's answer."""
    if site_view_restrictions(page):
        return wagtail_answer()
    return PageViewRestriction.objects.none()


def route_to_child(
    parent: Page,
    request: HttpRequest,
    path_components: list[str],
    child_model: type[Page],
    wagtail_route: Callable[[], object],
    select_related: tuple[str, ...] = (),
    whole_path: bool = False,
):
    """Route to a child in one query (two for a child of any type, ``child_model=Page``), which
    also says whether the site has view restrictions, with its parent already known.

    Only a single-segment path unless ``whole_path`` (a parent with sub-routes of its own handles
    longer ones); a missing child goes Wagtail's way, which answers 404.
    """
    if path_components and (whole_path or len(path_components) == 1):
        preloaded = preloaded_child(request, parent, path_components[0], child_model)
        if preloaded is not None:
            return preloaded.route(request, path_components[1:])
        children = (
            child_model.objects.child_of(parent)
            .select_related(*select_related)
            .annotate(site_has_view_restrictions=Exists(PageViewRestriction.objects.all()))
        )
        child = children.filter(slug=path_components[0]).first()
        if child is not None:
            restricted = child.site_has_view_restrictions
            if child_model is Page:
                child = child.specific
            child._cached_parent_obj = parent
            if not restricted:  # the same query said so: none to load
                child.__dict__["_clinic_restrictions"] = []
            return child.route(request, path_components[1:])
    return wagtail_route()


def load_renditions(wanted: list[tuple[object | None, str]]) -> None:
    """The renditions of every (image, filter spec) pair, in one query for all of them.

    Each image then finds its rendition without a query (Wagtail's ``prefetched_renditions``);
    a rendition that does not exist yet is still made on first use.
    """
    pairs = [(image, spec) for image, spec in wanted if image is not None]
    if not pairs:
        return
    # Every wanted spec of every image: a few more rows than the pairs at most (a spec wanted
    # for one image, found for another), and a far cheaper query to build than one per pair.
    found: dict[int, list] = defaultdict(list)
    for rendition in (
        get_image_model()
        .get_rendition_model()
        .objects.filter(
            image_id__in=sorted({image.pk for image, _spec in pairs}),
            filter_spec__in=sorted({spec for _image, spec in pairs}),
        )
    ):
        found[rendition.image_id].append(rendition)
    for image, _spec in pairs:
        image.prefetched_renditions = list(found[image.pk])
        for rendition in image.prefetched_renditions:
            rendition.image = image  # its alt text and URL need no query for the image


# Routing a whole address in two queries ------------------------------------------------------


def preloaded_child(
    request: HttpRequest, parent: Page, slug: str, child_model: type[Page]
) -> Page | None:
    """The child with ``slug`` when the routing middleware loaded it (specific, its parent and
    view restrictions known), else None."""
    children = getattr(request, "_clinic_preloaded_children", None)
    child = children.get((parent.pk, slug)) if children else None
    if child is None or not isinstance(child, child_model):
        return None
    child._cached_parent_obj = parent
    return child


def _select_related_for_serving() -> list[str]:
    related = ["locale"]
    for model, names in specific_paths().items():
        if names:
            prefix = "__".join(names)
            related.append(prefix)
            extra = getattr(model, "serve_select_related", ())
            related += [f"{prefix}__{field}" for field in extra]
    return related


def _specific(page: Page) -> Page:
    """The specific page from the row ``_preload_pages`` loaded (Wagtail's query if missing)."""
    model = page.specific_class
    if model is None or model is Page:
        return page
    specific = joined_specific(page, model)
    if specific is None:
        return page.specific
    specific._state.fields_cache.setdefault("locale", page.locale)
    return specific


def _preload_pages(site: Site, sites: list[Site], components: list[str]) -> list[Page]:
    """One query: the home pages of every site in every language, the pages that could be on
    the address (its slugs at their depths below the site's home pages, all indexed columns)
    and the translations of each of those pages."""
    depth = site.root_page.depth
    wanted = Q(translation_key__in=[site.root_page.translation_key for site in sites])
    if components:
        on_path = Q()
        for offset, slug in enumerate(components, start=1):
            on_path |= Q(slug=slug, depth=depth + offset)
        path_keys = Page.objects.filter(on_path).values("translation_key")
        wanted |= on_path | Q(translation_key__in=path_keys)
    return list(
        Page.objects.filter(wanted)
        .select_related(*_select_related_for_serving())
        .annotate(site_has_view_restrictions=Exists(PageViewRestriction.objects.all()))
    )


def preload_route(request: HttpRequest, path: str) -> None:
    """Settle Wagtail's ``Page.route_for_request`` for a page address in two queries.

    Sets what Wagtail and this site look for on the request: the site, the sites' root paths,
    the route result, the live translations of every page on the path. Leaves the request alone
    (Wagtail routes it) when the address or the sites are out of the ordinary.
    """
    components = [component for component in path.split("/") if component]
    if len(components) > MAX_PRELOADED_SEGMENTS or hasattr(request, "_wagtail_route_for_request"):
        return
    sites = load_sites()
    site = site_for(sites, request)
    if site is None:
        return
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return
    pages = []
    for row in _preload_pages(site, sites, components):
        page = _specific(row)
        page.site_has_view_restrictions = row.site_has_view_restrictions
        pages.append(page)

    translations = by_translation_key(pages)
    home = serving_home_page(site, translations[str(site.root_page.translation_key)], language)
    if home is None:  # no home page in this language: Wagtail decides
        return

    chain = [home]
    for slug in components:  # each page's child with the next slug, as Page.route finds it
        parent = chain[-1]
        child = next(
            (
                page
                for page in pages
                if page.slug == slug
                and page.depth == parent.depth + 1
                and page.path.startswith(parent.path)
            ),
            None,
        )
        if child is None:
            break
        chain.append(child)

    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = root_paths(sites, translations)
    children = {}
    versions = request.__dict__.setdefault("_clinic_live_versions", {})
    for parent, page in zip([None, *chain], chain, strict=False):
        if not page.site_has_view_restrictions:
            page.__dict__["_clinic_restrictions"] = []
        if parent is not None:
            page._cached_parent_obj = parent
            children[(parent.pk, page.slug)] = page
        versions[page.pk] = {
            version.locale.language_code: version
            for version in translations[str(page.translation_key)]
            if version.live
        }
    request._clinic_preloaded_children = children
    remember_serving_home(request, language, home, home.site_has_view_restrictions)
    try:
        request._wagtail_route_for_request = home.route(request, components)
    except Http404:
        request._wagtail_route_for_request = None


class RouteInTwoQueriesMiddleware:
    """Routes requests for Wagtail pages with ``preload_route`` just before Wagtail's view."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        from wagtail import views as wagtail_views  # needs the models loaded

        if view_func is wagtail_views.serve:
            preload_route(request, view_kwargs.get("path", view_args[0] if view_args else ""))
        return None
