"""What the story and video indexes share: the :class:`ListingPage` base (intro, panels, the
listed children, routing to them, the page of cards and its links), filters and card images.
Pagination follows the one rule of :mod:`clinic_site.pagination` (out of range: 404)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from blog.images import CARD, CARD_RENDITION  # noqa: F401 (feeds and stories import it from here)
from blog.serving import public_only, route_to_child, view_restrictions
from blog.topics import topic_redirect_slug
from clinic_site.pagination import page_links, paginate, query_url
from workflow.deletion import EditorialPermissionsMixin

PER_PAGE = 12


def with_card_images(queryset: QuerySet, field: str = "hero_image") -> QuerySet:
    """Load each page's card image and its card renditions (1x and 2x, ``blog.images.CARD``)
    in two queries, however many cards."""
    rendition_model = get_image_model().get_rendition_model()
    return queryset.select_related(field).prefetch_related(
        Prefetch(
            f"{field}__renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=CARD.specs),
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


class ListingPage(EditorialPermissionsMixin, Page):
    """Abstract: a language's one listing of a page type under the home page (``/stories/``,
    ``/videos/``), newest first, ``PER_PAGE`` cards a page.

    A subclass names the one page type it lists in ``subpage_types`` and that type's card image
    field in ``card_image_field``.
    """

    intro = models.TextField(_("introduction"), max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    card_image_field = "hero_image"

    class Meta:
        abstract = True

    @classmethod
    def listed_model(cls) -> type[Page]:
        return cls.allowed_subpage_models()[0]

    def listed_pages(self) -> QuerySet:
        """The live children readers may see, newest first."""
        return public_only(self.listed_model().objects.child_of(self).live(), self).order_by(
            "-first_published_at", "-pk"
        )

    def route(self, request: HttpRequest, path_components: list[str]):
        return route_to_child(
            self,
            request,
            path_components,
            self.listed_model(),
            lambda: super(ListingPage, self).route(request, path_components),
            select_related=(self.card_image_field,),
        )

    def get_view_restrictions(self):
        return view_restrictions(self, super().get_view_restrictions)

    def cards_page(self, request: HttpRequest, pages: QuerySet) -> dict[str, Any]:
        """The page of cards the reader asked for (``?page=``, see ``clinic_site.pagination``)
        with their images, and the links to the other pages: ``page_obj``, ``cards``,
        ``pagination``."""
        page_obj = paginate(request, with_card_images(pages, self.card_image_field), PER_PAGE)
        return {
            "page_obj": page_obj,
            "cards": page_obj.object_list,
            "pagination": page_links(page_obj, query_url(request)),
        }


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
