"""One pagination rule and one set of page links for every public list: the story and video
listings and the search results.

The rule for ``?page=``:

- missing, or not a whole number (``?page=abc``): the first page;
- a number outside the pages there are (``?page=0``, ``?page=-4``, ``?page=99`` of 3): 404 Not
  Found. That address shows nothing, so search engines drop it and a stale link says so, rather
  than showing another page's items under its number (which is what clamping to the last page
  did on the search page). A list with no items has one, empty, first page;
- the first page has one address: its links carry no ``page``.

The links (:func:`page_links`): previous, next, and the numbers around the current page (two on
each side, one at each end) with a gap where numbers are left out; rendered by
``templates/includes/pagination.html``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import InvalidPage, Paginator
from django.core.paginator import Page as PaginatorPage
from django.http import Http404, HttpRequest


def page_of(paginator: Paginator, request: HttpRequest) -> PaginatorPage:
    """The page of ``paginator`` the reader asked for with ``?page=``, by the rule above."""
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404(str(error)) from error


def paginate(request: HttpRequest, object_list, per_page: int) -> PaginatorPage:
    return page_of(Paginator(object_list, per_page), request)


def query_url(request: HttpRequest) -> Callable[[int], str]:
    """Page addresses of the current request's list, its other parameters (filters) kept."""

    def url(number: int) -> str:
        query = request.GET.copy()
        query.pop("page", None)
        if number != 1:
            query["page"] = number
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else request.path

    return url


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: a gap (…)
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class PageLinks:
    links: list[PageLink]
    previous_url: str
    next_url: str


def page_links(page: PaginatorPage, url: Callable[[int], str]) -> PageLinks | None:
    """The links around ``page``; None when there is only one page (nothing to link)."""
    paginator = page.paginator
    if paginator.num_pages <= 1:
        return None
    links = [
        PageLink(None)
        if number == paginator.ELLIPSIS
        else PageLink(number, url(number), number == page.number)
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return PageLinks(
        links=links,
        previous_url=url(page.previous_page_number()) if page.has_previous() else "",
        next_url=url(page.next_page_number()) if page.has_next() else "",
    )
