"""Listing helpers shared by the story and video indexes: pagination, filters, card images."""

from __future__ import annotations

from django import forms
from django.core.paginator import InvalidPage, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from blog.topics import topic_redirect_slug

PER_PAGE = 12
CARD_RENDITION = "fill-720x480"


def with_card_images(queryset: QuerySet, field: str = "hero_image") -> QuerySet:
    """Load each page's card image and its card rendition in two queries, however many cards."""
    rendition_model = get_image_model().get_rendition_model()
    return queryset.select_related(field).prefetch_related(
        Prefetch(
            f"{field}__renditions",
            queryset=rendition_model.objects.filter(filter_spec=CARD_RENDITION),
            to_attr="prefetched_renditions",
        )
    )


def rendition_or_none(image, spec: str):
    """A rendition of an image that may be missing (deleted image, lost file): never a 500."""
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except (SourceImageIOError, OSError):
        return None


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PER_PAGE) -> PaginatorPage:
    """The page of results the reader asked for.

    A page number that is not a number (``?page=abc``) shows the first page; a number outside
    the range is a 404, so search engines never index empty pages. Never a 500.
    """
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404(str(error)) from error


class StoryFilterForm(forms.Form):
    """The listing's filters. Invalid values are reported and ignored, never a server error."""

    tag = forms.ChoiceField(label=_("Topic"), required=False)
    storyteller = forms.ChoiceField(label=_("Told by"), required=False)

    def __init__(self, data, *, tags, storyteller_choices) -> None:
        super().__init__(data)
        self.fields["tag"].choices = [("", _("All topics"))] + [(t.slug, t.name) for t in tags]
        self.fields["storyteller"].choices = [("", _("Everyone")), *storyteller_choices]

    def unknown_topic(self) -> str:
        """The topic asked for when this listing has none by that name (a stale or typed link)."""
        self.is_valid()
        return str(self.data.get("tag", "")) if "tag" in self.errors else ""

    def topics(self) -> list[tuple[str, str]]:
        """(slug, name) of every topic this listing offers."""
        return [(slug, name) for slug, name in self.fields["tag"].choices if slug]

    def filters(self) -> dict[str, str]:
        """The valid, non-empty filters, as {field name: value}."""
        self.is_valid()
        for name in self.errors:
            # Screen readers announce the error with the field it belongs to.
            self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"
        return {name: value for name, value in self.cleaned_data.items() if value}


def unknown_topic_response(
    index_page, request: HttpRequest, topic: str, topics: list[tuple[str, str]]
) -> HttpResponse:
    """404 that says so and lists the topics there are, for ``?tag=`` of a stale or typed link.

    Not found rather than an empty listing, so search engines drop the address, as the topic
    feeds do for the same slugs.
    """
    response = index_page.render(
        request,
        template="blog/story_index_unknown_topic.html",
        context_overrides={"unknown_topic": topic, "topics": topics},
    )
    response.status_code = 404
    return response


def topic_redirect(
    request: HttpRequest, locale_id: int, slug: str
) -> HttpResponsePermanentRedirect | None:
    """301 from the address of a topic merged into another (``?tag=`` or a topic feed) to the
    surviving topic's, other filters kept; None when ``slug`` was never merged."""
    surviving = topic_redirect_slug(locale_id, slug)
    if surviving is None:
        return None
    query = request.GET.copy()
    if "tag" in query:
        query["tag"] = surviving
    path = request.path.replace(f"/tag/{slug}/", f"/tag/{surviving}/")
    return HttpResponsePermanentRedirect(f"{path}?{query.urlencode()}" if query else path)
