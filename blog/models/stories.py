"""Stories: the story index (listing, filters, feeds) and the story page itself."""

from __future__ import annotations

from django.db import models
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from blog.blocks import StoryBodyBlock, missing_transcripts
from blog.feeds import StoryAtomFeed, StoryRssFeed
from blog.forms import TopicsPageForm
from blog.images import BODY, CARD, HERO, HERO_RENDITION, VIDEO, renditions_wanted
from blog.listing import (
    ListingPage,
    StoryFilterForm,
    rendition_or_none,
    topic_redirect,
    unknown_topic_response,
)
from blog.pages import SUMMARY_PANELS, ReaderPage, editor_tabs, reader_search_fields
from blog.serving import load_renditions, public_only
from blog.social import (
    article_data,
    reading_minutes,
    share_links,
    story_structured_data,
)
from blog.topics import Topic, TopicItem, TopicsField
from workflow.models.consent import (
    SCOPE_NAME_IN_BYLINE,
    SCOPE_PHOTOGRAPHS,
    SCOPE_VIDEO,
    SCOPE_WEB_STORIES,
)
from workflow.panels import ConsentDetailsPanel

RELATED_STORIES = 3


class StorytellerType(models.TextChoices):
    PATIENT = "patient", _("Patient")
    FAMILY = "family", _("Family member")
    FRIEND = "friend", _("Friend")
    STAFF = "staff", _("Staff")


# Stories told by or about a patient need the patient's (or representative's) consent.
CONSENT_REQUIRED = {StorytellerType.PATIENT, StorytellerType.FAMILY, StorytellerType.FRIEND}


class StoryTag(TopicItem):
    content_object = ParentalKey(
        "blog.StoryPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class StoryIndexPage(RoutablePageMixin, ListingPage):
    """/stories/: every live story in this language, filterable, paginated and syndicated."""

    subpage_types = ["blog.StoryPage"]

    class Meta:
        verbose_name = _("story index")

    def stories(self) -> QuerySet[StoryPage]:
        return self.listed_pages()

    def topic_tags(self) -> QuerySet[Topic]:
        """Topics of at least one live story here: the only ones worth offering as filters."""
        return (
            Topic.objects.filter(blog_storytag_items__content_object__in=self.stories())
            .distinct()
            .order_by("name")
        )

    @path("", name="listing")
    def listing(self, request: HttpRequest) -> HttpResponse:
        form = StoryFilterForm(
            request.GET, tags=self.topic_tags(), storyteller_choices=StorytellerType.choices
        )
        if unknown_topic := form.unknown_topic():
            if moved := topic_redirect(request, self.locale_id, unknown_topic):
                return moved
            return unknown_topic_response(self, request, unknown_topic, form.topics())
        filters = form.filters()
        stories = self.stories()
        if "tag" in filters:
            stories = stories.filter(tagged_items__tag__slug=filters["tag"])
        if "storyteller" in filters:
            stories = stories.filter(storyteller_type=filters["storyteller"])
        tag_name = dict(form.fields["tag"].choices).get(filters.get("tag"), "")
        return self.render(
            request,
            context_overrides={
                **self.cards_page(request, stories),
                "filter_form": form,
                "filters": filters,
                "feeds": feed_links(self, request, filters.get("tag"), tag_name),
                "filtered_tag_name": tag_name,
            },
        )

    def _feed(self, request: HttpRequest, feed_class, tag_slug: str | None) -> HttpResponse:
        tag = self.topic_tags().filter(slug=tag_slug).first() if tag_slug else None
        if tag_slug and tag is None:
            if moved := topic_redirect(request, self.locale_id, tag_slug):
                return moved
            raise Http404(gettext("There is no such topic."))
        return feed_class()(request, index_page=self, tag=tag)

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request: HttpRequest) -> HttpResponse:
        return self._feed(request, StoryRssFeed, None)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request: HttpRequest) -> HttpResponse:
        return self._feed(request, StoryAtomFeed, None)

    @path("tag/<slug:tag>/feed/rss/", name="tag_feed_rss")
    def tag_feed_rss(self, request: HttpRequest, tag: str) -> HttpResponse:
        return self._feed(request, StoryRssFeed, tag)

    @path("tag/<slug:tag>/feed/atom/", name="tag_feed_atom")
    def tag_feed_atom(self, request: HttpRequest, tag: str) -> HttpResponse:
        return self._feed(request, StoryAtomFeed, tag)


def feed_links(
    index_page: Page, request: HttpRequest | None, tag_slug: str = "", tag_name: str = ""
) -> list[dict[str, str]]:
    """The RSS and Atom addresses of a story index (and of one topic), for rel=alternate links.

    Takes a plain Page so a story can advertise its index's feeds without loading it specifically.
    """
    base = index_page.get_url(request) or ""
    resolver = StoryIndexPage.get_resolver()
    links = [
        {"type": "application/rss+xml", "title": gettext("All stories (RSS)"), "name": "feed_rss"},
        {
            "type": "application/atom+xml",
            "title": gettext("All stories (Atom)"),
            "name": "feed_atom",
        },
    ]
    if tag_slug:
        about = {"tag": tag_name or tag_slug}
        links += [
            {
                "type": "application/rss+xml",
                "title": gettext("Stories about %(tag)s (RSS)") % about,
                "name": "tag_feed_rss",
            },
            {
                "type": "application/atom+xml",
                "title": gettext("Stories about %(tag)s (Atom)") % about,
                "name": "tag_feed_atom",
            },
        ]
    for link in links:
        kwargs = {"tag": tag_slug} if link["name"].startswith("tag_") else {}
        link["url"] = base + resolver.reverse(link.pop("name"), **kwargs).lstrip("/")
    return links


class StoryPage(ReaderPage):
    """One person's story, checked for accuracy and consent before it goes live."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown on cards, in feeds and in search results."),
    )
    storyteller_type = models.CharField(
        _("who is telling the story"), max_length=10, choices=StorytellerType.choices
    )
    byline = models.CharField(
        _("byline"),
        max_length=120,
        blank=True,
        help_text=_(
            "The storyteller's name as they agreed to be shown, e.g. “Maria, mother of a patient”. "
            "Leave empty to show “Anonymous”."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image alt text"),
        max_length=250,
        help_text=_("Describe what the image shows, for readers who cannot see it."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("story"))
    tags = TopicsField(through="blog.StoryTag", blank=True, verbose_name=_("topics"), help_text="")
    consent_record = models.ForeignKey(
        "workflow.ConsentRecord",
        verbose_name=_("consent record"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stories",
        help_text=_("Required for stories told by or about a patient. Never shown to the public."),
    )

    # Filled from the content on save (fill_publish_time_fields), never edited.
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time in minutes"), default=1, editable=False
    )
    structured_data = models.JSONField(
        _("structured data (schema.org Article)"), default=dict, blank=True, editable=False
    )

    images_show_patient = models.BooleanField(
        _("the images show the patient"),
        default=True,
        help_text=_(
            "Ticked when the hero or any image in the story shows the patient or their family: "
            "their consent must then cover photographs. Untick only for pictures of places or "
            "objects."
        ),
    )

    content_panels = [
        *SUMMARY_PANELS,
        MultiFieldPanel(
            [FieldPanel("storyteller_type"), FieldPanel("byline")], heading=_("Storyteller")
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero")),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    consent_panels = [
        FieldPanel("consent_record"),
        FieldPanel("images_show_patient"),
        ConsentDetailsPanel(),
    ]
    edit_handler = editor_tabs(content_panels, consent_panels)

    search_fields = [
        *reader_search_fields(
            index.SearchField("body", boost=1), index.SearchField("byline", boost=0.5)
        ),
        index.FilterField("storyteller_type"),
    ]

    override_translatable_fields = [
        SynchronizedField("storyteller_type", overridable=False),
        SynchronizedField("consent_record", overridable=False),
        SynchronizedField("images_show_patient", overridable=False),
        SynchronizedField("hero_image"),
        SynchronizedField("tagged_items"),
        TranslatableField("summary"),
        TranslatableField("byline"),
        TranslatableField("hero_alt"),
        TranslatableField("body"),
    ]

    base_form_class = TopicsPageForm
    parent_page_types = ["blog.StoryIndexPage"]
    accepts_webmentions = True  # the mentions app receives and sends Webmentions for stories
    serve_select_related = ("hero_image",)  # loaded with the page when it is routed
    # Filled from the content on save: not part of what a storyteller approves.
    derived_fields = ("reading_minutes", "structured_data")

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @property
    def display_byline(self) -> str:
        return self.byline or gettext("Anonymous")

    def fill_publish_time_fields(self) -> None:
        """Reading time and structured data, worked out from the content when it is saved
        (every revision, preview and publication), so serving the page only reads them."""
        self.reading_minutes = reading_minutes(self.body.raw_data)
        self.structured_data = article_data(
            title=self.title,
            summary=self.summary,
            byline=self.byline,
            language=self.locale.language_code if self.locale_id else get_language(),
            keywords=[tag.name for tag in self.tags.all()],
            first_published_at=self.first_published_at,
            last_published_at=self.last_published_at,
        )

    def save(self, *args, clean: bool = True, **kwargs):
        # A live page saved with clean=True fills them in clean(); this covers clean=False.
        if self.live and not clean and kwargs.get("update_fields") is None:
            self.fill_publish_time_fields()
        return super().save(*args, clean=clean, **kwargs)

    @cached_property
    def has_video(self) -> bool:
        """Whether the page needs the video facade script."""
        return any(block.get("type") == "video" for block in self.body.raw_data)

    def clean(self) -> None:
        super().clean()
        self.fill_publish_time_fields()

    def review_blockers(self) -> list[str]:
        """Every video needs its transcript; a story about a patient needs a valid consent that
        covers everything it shows."""
        reasons = [*super().review_blockers(), *missing_transcripts(self.body)]
        if self.storyteller_type not in CONSENT_REQUIRED:
            return reasons
        reasons.extend(
            self.consent_record_blockers(
                gettext(
                    "A story told by or about a patient needs a linked consent record "
                    "before it can be approved."
                )
            )
        )
        if self.consent_record_id is not None:
            from workflow.storyteller import storyteller_blockers

            reasons.extend(storyteller_blockers(self))
        return reasons

    def needs_storyteller_approval(self) -> bool:
        """The storyteller approves the text of a story told by or about a patient."""
        return self.storyteller_type in CONSENT_REQUIRED

    def consent_scopes_needed(self) -> list[str]:
        """Every kind of content this story publishes about the patient, as consent scopes."""
        needed = [SCOPE_WEB_STORIES]
        if self.has_video:
            needed.append(SCOPE_VIDEO)
        if self.images_show_patient:
            needed.append(SCOPE_PHOTOGRAPHS)
        if self.byline.strip():
            needed.append(SCOPE_NAME_IN_BYLINE)
        return needed

    def related_stories(self, tags: list[Topic] | None = None) -> list[StoryPage]:
        """Up to three other live stories in this language: shared topics first, then newest.

        One query with their images, however many tags or candidate stories there are; the
        card renditions come with the page's own (``get_context``).
        """
        tag_ids = [tag.pk for tag in (self.tags.all() if tags is None else tags)]
        stories = (
            public_only(StoryPage.objects.live(), self)
            .select_related("hero_image")
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .annotate(
                shared_tags=Count(
                    "tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True
                )
            )
            .order_by("-shared_tags", "-first_published_at", "-pk")
        )
        return list(stories[:RELATED_STORIES])

    @cached_property
    def hero_rendition(self):
        return rendition_or_none(self.hero_image, HERO_RENDITION)

    def body_pictures(self, block_type: str, field: str) -> list:
        """The images of the body's ``block_type`` blocks (the body's images come in one query;
        the rendered blocks are these same objects, so their renditions can be prefetched)."""
        return [block.value[field] for block in self.body if block.block_type == block_type]

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        parent = context["index_page"]
        related = self.related_stories(context["tags"])
        load_renditions(
            renditions_wanted(HERO, [self.hero_image])
            + renditions_wanted(CARD, [story.hero_image for story in related])
            + renditions_wanted(BODY, self.body_pictures("image", "image"))
            + renditions_wanted(VIDEO, self.body_pictures("video", "thumbnail"))
        )
        context.update(
            related_stories=related,
            hero=self.hero_rendition,
            feeds=feed_links(parent, request),
            share_links=share_links(self, request),
            structured_data=story_structured_data(self, request),
        )
        return context
