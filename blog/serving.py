"""Serving readers' pages in fewer queries: routing, view restrictions, the public filter.

Wagtail answers these questions with a query each, several times per page: which child has
this slug (then again for its specific type), which view restrictions apply (the ancestors,
then the restrictions), and ``.public()`` (all restrictions, once per queryset). Sites usually
have no view restriction at all, so one query for all of them settles every question at once;
when there are some, Wagtail's own answers are used.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.db.models import Exists, Q, QuerySet
from django.http import HttpRequest
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction


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
    condition = Q()
    for image, spec in pairs:
        condition |= Q(image_id=image.pk, filter_spec=spec)
    found: dict[int, list] = defaultdict(list)
    for rendition in get_image_model().get_rendition_model().objects.filter(condition):
        found[rendition.image_id].append(rendition)
    for image, _spec in pairs:
        image.prefetched_renditions = list(found[image.pk])
        for rendition in image.prefetched_renditions:
            rendition.image = image  # its alt text and URL need no query for the image
