"""The page types search covers, found by app label and model name rather than imported.

``search`` depends on Wagtail's search API only: the story, video and policy models are looked
up through the app registry, and a type whose app is not installed is simply not searched.
Fields are read by name (``summary``, ``storyteller_type``, ``tags``) and are optional.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from clinic_site.routing import joined_specific, specific_link


@dataclass(frozen=True)
class ResultType:
    """One kind of searchable page: its URL key, its model's address and its labels."""

    key: str
    app_label: str
    model_name: str
    label: str | Promise  # on each result: "Story"
    filter_label: str | Promise  # in the type filter: "Stories"

    @property
    def model(self) -> type[Page] | None:
        try:
            return apps.get_model(self.app_label, self.model_name)
        except LookupError:
            return None


RESULT_TYPES: tuple[ResultType, ...] = (
    ResultType("story", "blog", "StoryPage", _("Story"), _("Stories")),
    ResultType("video", "blog", "VideoPage", _("Video"), _("Videos")),
    ResultType("policy", "policy", "PolicyPage", _("Policy"), _("Policy")),
)
STORY = RESULT_TYPES[0]


def available_types() -> list[ResultType]:
    """The result types whose models exist in this project."""
    return [result_type for result_type in RESULT_TYPES if result_type.model is not None]


def content_type_ids(types: list[ResultType]) -> dict[int, ResultType]:
    """{content type id: result type}; ContentType's manager caches these lookups."""
    return {
        ContentType.objects.get_for_model(result_type.model).pk: result_type
        for result_type in types
    }


# The fields of a type's own table that a result shows; the others (StreamFields, transcripts,
# structured data) are not loaded.
SHOWN_FIELDS = ("summary", "storyteller_type")


def with_own_fields(pages: QuerySet, types: list[ResultType]) -> QuerySet:
    """``pages`` with each type's own row joined (only the fields a result shows): one query for
    pages of every type, where ``.specific()`` takes one more per type."""
    related, deferred = [], []
    for result_type in types:
        link = specific_link(result_type.model)
        related.append(link)
        deferred += [
            f"{link}__{field.name}"
            for field in result_type.model._meta.local_concrete_fields
            if not field.primary_key and field.name not in SHOWN_FIELDS
        ]
    return pages.select_related(*related).defer(*deferred)


def specific_of(page: Page, kinds: dict[int, ResultType]) -> Page:
    """The specific page a ``with_own_fields`` row already holds (the row itself if none)."""
    kind = kinds.get(page.content_type_id)
    specific = joined_specific(page, kind.model) if kind is not None else None
    return page if specific is None else specific


def has_field(model: type | None, name: str) -> bool:
    if model is None:
        return False
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def storyteller_choices() -> list[tuple[str, Any]]:
    """The story model's storyteller types (patient, family, ...), or none."""
    model = STORY.model
    if not has_field(model, "storyteller_type"):
        return []
    return list(model._meta.get_field("storyteller_type").flatchoices)


def storyteller_q(value: str) -> Q:
    """Pages told by this kind of storyteller (only stories have one)."""
    model = STORY.model
    if not has_field(model, "storyteller_type"):
        return Q(pk__in=[])
    return Q(id__in=model.objects.filter(storyteller_type=value).values("pk"))


def tagged_types() -> list[ResultType]:
    return [t for t in available_types() if has_field(t.model, "tags")]


def tag_q(slug: str) -> Q:
    """Pages of any tagged type carrying the tag with this slug."""
    q = Q(pk__in=[])
    for result_type in tagged_types():
        q |= Q(id__in=result_type.model.objects.filter(tags__slug=slug).values("pk"))
    return q


@dataclass(frozen=True)
class TagCount:
    name: str
    slug: str
    count: int


def _tag_links() -> list[tuple[type[Page], type, str]]:
    """(page model, through model, the through model's link to the page) per tagged type."""
    links = []
    for result_type in tagged_types():
        through = result_type.model._meta.get_field("tags").through
        page_link = next(
            field.name
            for field in through._meta.get_fields()
            if field.many_to_one and issubclass(result_type.model, field.related_model)
        )
        links.append((result_type.model, through, page_link))
    return links


def tags_in_use(pages: QuerySet, limit: int = 40) -> list[TagCount]:
    """The tags on ``pages`` (the reader's live, public pages), most used first.

    One query: each tagged type's counts, joined with UNION ALL and added up here.
    """
    counts = [
        through.objects.filter(**{f"{page_link}__in": pages.values("pk")})
        .values_list("tag__name", "tag__slug")
        .annotate(uses=Count("pk"))
        .order_by()
        for _model, through, page_link in _tag_links()
    ]
    if not counts:
        return []
    totals: dict[str, TagCount] = {}
    for name, slug, uses in counts[0].union(*counts[1:], all=True):
        seen = totals.get(slug)
        totals[slug] = TagCount(name, slug, uses + (seen.count if seen else 0))
    return sorted(totals.values(), key=lambda tag: (-tag.count, tag.name.lower()))[:limit]


def tags_by_page(pages: list[Page]) -> dict[int, list[tuple[str, str]]]:
    """{page id: [(tag name, tag slug), ...] by name} for pages of any tagged type, one query."""
    rows = [
        through.objects.filter(**{f"{page_link}__in": ids})
        .values_list(f"{page_link}_id", "tag__name", "tag__slug")
        .order_by()
        for model, through, page_link in _tag_links()
        if (ids := [page.pk for page in pages if isinstance(page, model)])
    ]
    found: dict[int, list[tuple[str, str]]] = {}
    if rows:
        for page_id, name, slug in rows[0].union(*rows[1:], all=True).order_by("tag__name"):
            found.setdefault(page_id, []).append((name, slug))
    return found
