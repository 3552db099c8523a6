"""The public search page: ``/<language>/search/?q=…&type=…&storyteller=…&tag=…&page=…``.

Only live, public pages in the reader's locale are searched. The reader's words are cleaned
and capped (see ``search.query``) and only their letters and digits reach the search backend,
so any input gives a normal page. Promotions for the words come first; the query's daily hit
is counted by Wagtail (the words only: no IP address, no user, no session).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from clinic_site.pagination import page_links, page_of

from .backend import similar_words_query
from .content import (
    STORY,
    ResultType,
    available_types,
    content_type_ids,
    has_field,
    specific_of,
    storyteller_choices,
    storyteller_q,
    tag_q,
    tags_by_page,
    tags_in_use,
    with_own_fields,
)
from .forms import SearchForm
from .query import ReaderQuery, highlight
from .sites import load_site

POPULAR_TAGS = 12
LATEST_STORIES = 5


@dataclass
class Link:
    label: str
    url: str


@dataclass
class ResultItem:
    """What the results list shows for one page (or one external promotion)."""

    title: str
    url: str
    kind: str = ""
    summary: SafeString | str = ""
    date: datetime | None = None
    storyteller: str = ""
    tags: list[Link] = field(default_factory=list)


class Address:
    """Builds links to this search with the current query and filters, changed as asked."""

    def __init__(self, path: str, query: ReaderQuery, filters: dict[str, str]) -> None:
        self.path = path
        self.params = {"q": query.text, **filters} if query.text else dict(filters)

    def url(self, **changes: Any) -> str:
        params = {**self.params, **changes}
        if params.get("page") == 1:
            params["page"] = None  # the first page has one address
        params = {key: value for key, value in params.items() if value not in (None, "")}
        return f"{self.path}?{urlencode(params)}" if params else self.path


def summary_of(page: Page) -> str:
    return getattr(page, "summary", "") or page.search_description or ""


def result_item(
    page: Page,
    kinds: dict[int, ResultType],
    query: ReaderQuery,
    address: Address,
    request: HttpRequest,
    tags: dict[int, list[tuple[str, str]]],
) -> ResultItem:
    """One result; ``page`` is specific and ``tags`` holds its topics (no query here)."""
    kind = kinds.get(page.content_type_id)
    storyteller = ""
    if has_field(type(page), "storyteller_type") and page.storyteller_type:
        storyteller = page.get_storyteller_type_display()
    return ResultItem(
        title=page.title,
        url=page.get_url(request) or "",
        kind=str(kind.label) if kind else "",
        summary=highlight(summary_of(page), query.terms),
        date=page.first_published_at,
        storyteller=storyteller,
        tags=[Link(name, address.url(tag=slug, page=None)) for name, slug in tags.get(page.pk, [])],
    )


def count_hit(query: ReaderQuery) -> None:
    """Count one search of the words (no IP address, user or session is stored).

    Words searched before today cost one UPDATE; Wagtail's ``Query.get().add_hit()``, used the
    first time, takes three queries or more.
    """
    today = timezone.now().date()
    counted = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(query.search_string), date=today
    ).update(hits=F("hits") + 1)
    if not counted:
        Query.get(query.search_string).add_hit(date=today)


def promotions_for(
    query: ReaderQuery, pages: QuerySet, kinds: dict[int, ResultType]
) -> tuple[list[Page], list[SearchPromotion]]:
    """Promoted pages (in the reader's locale, live and public) and external-link promotions.

    A promotion may point at the English page; the reader's translation of it is shown.
    ``pages`` come with their types' own fields (``with_own_fields``); a promoted page of
    another type (a listing) is loaded on its own.
    """
    promotions = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query.search_string)
        )
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    keys = [promotion.page.translation_key for promotion in promotions if promotion.page]
    found = {}
    if keys:
        found = {page.translation_key: page for page in pages.filter(translation_key__in=keys)}
    promoted, seen = [], set()
    for promotion in promotions:
        page = found.get(promotion.page.translation_key) if promotion.page else None
        if page and page.pk not in seen:
            page = specific_of(page, kinds) if page.content_type_id in kinds else page.specific
            seen.add(page.pk)
            page.promotion_description = promotion.description
            promoted.append(page)
    external = [p for p in promotions if not p.page and p.external_link_url]
    return promoted, external


def search(request: HttpRequest) -> HttpResponse:
    site = load_site(request)
    pages = Page.objects.live().filter(locale=site.locale)
    if site.has_view_restrictions:
        pages = pages.public()
    types = available_types()
    kinds = content_type_ids(types)
    searchable = pages.filter(content_type__in=list(kinds))
    tags = tags_in_use(searchable)
    form = SearchForm(request.GET, types=types, storytellers=storyteller_choices(), tags=tags)
    query, filters = form.query(), form.filters()
    address = Address(request.path, query, filters)

    if filters.get("type"):
        searchable = searchable.filter(
            content_type__in=[pk for pk, kind in kinds.items() if kind.key == filters["type"]]
        )
    if filters.get("storyteller"):
        searchable = searchable.filter(storyteller_q(filters["storyteller"]))
    if filters.get("tag"):
        searchable = searchable.filter(tag_q(filters["tag"]))

    promoted, external = [], []
    if query.terms:
        promoted, external = promotions_for(query, with_own_fields(pages, types), kinds)
        results = with_own_fields(
            searchable.exclude(id__in=[page.pk for page in promoted]), types
        ).search(query.search_string, operator="and")
    elif filters:
        results = with_own_fields(searchable, types).order_by("-first_published_at", "-pk")
    else:
        results = searchable.none()

    paginator = Paginator(results, settings.SEARCH_RESULTS_PER_PAGE)
    similar = False
    if query.terms and not paginator.count and not promoted and not external:
        # Nothing found ("kneee"): pages with similar words, saying so above them.
        fuzzy = similar_words_query(query.search_string)
        if fuzzy is not None:
            results = with_own_fields(searchable, types).search(fuzzy)
            paginator = Paginator(results, settings.SEARCH_RESULTS_PER_PAGE)
            similar = paginator.count > 0
    # The one rule of every public list (clinic_site.pagination): "abc" gives the first page,
    # a number past the last (10**30) or below 1 is a 404.
    results_page = page_of(paginator, request)
    first_page = results_page.number == 1
    found = [specific_of(page, kinds) for page in results_page.object_list]
    if not first_page:
        promoted = []
    topics = tags_by_page(promoted + found)
    items = [result_item(page, kinds, query, address, request, topics) for page in found]
    promoted_items = []
    if first_page:
        promoted_items = [
            result_item(page, kinds, query, address, request, topics) for page in promoted
        ]
        for item, page in zip(promoted_items, promoted, strict=True):
            if page.promotion_description:
                item.summary = highlight(page.promotion_description, query.terms)
        promoted_items += [
            ResultItem(
                title=p.external_link_text or p.external_link_url,
                url=p.external_link_url,
                summary=highlight(p.description, query.terms),
            )
            for p in external
        ]
        if query.terms:
            count_hit(query)

    searched = bool(query.terms or filters)
    empty = not items and not promoted_items
    latest_stories: list[Page] = []
    if empty and STORY.model is not None:
        latest_stories = list(
            pages.type(STORY.model).order_by("-first_published_at", "-pk")[:LATEST_STORIES]
        )

    context = {
        "form": form,
        "query": query,
        "filters": filters,
        "searched": searched,
        "no_words": bool(query.text) and not query.terms,
        "similar": similar,
        "results_page": results_page,
        "paginator": paginator,
        "items": items,
        "promoted_items": promoted_items,
        "pagination": page_links(results_page, lambda number: address.url(page=number)),
        "active_filters": active_filters(form, filters, address),
        "popular_tags": [
            Link(tag.name, address.url(q=None, tag=tag.slug, page=None))
            for tag in tags[:POPULAR_TAGS]
        ],
        "latest_stories": latest_stories,
        "empty": empty,
    }
    return render(request, "search/search.html", context)


def active_filters(form: SearchForm, filters: dict[str, str], address: Address) -> list[Link]:
    """One "remove" link per filter in use, labelled with what it filters by."""
    links = []
    for name, value in filters.items():
        choices = dict(form.fields[name].widget.choices)
        label = f"{form.fields[name].label}: {choices.get(value, value)}"
        links.append(Link(label, address.url(**{name: None, "page": None})))
    return links
