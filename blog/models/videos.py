"""Videos: the video index and the video page (facade player, transcript, captions note)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from blog.blocks import TRANSCRIPT_FEATURES
from blog.forms import VideoPageForm
from blog.images import VIDEO_RENDITION
from blog.listing import ListingPage, rendition_or_none
from blog.pages import SUMMARY_PANELS, ReaderPage, editor_tabs, reader_search_fields
from blog.topics import TopicItem, TopicsField
from blog.video import VideoRef, parse_video_url, validate_video_url
from workflow.models.consent import SCOPE_VIDEO, SCOPE_WEB_STORIES
from workflow.panels import ConsentDetailsPanel


class VideoTag(TopicItem):
    content_object = ParentalKey(
        "blog.VideoPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class VideoIndexPage(ListingPage):
    """/videos/: every live video in this language, newest first."""

    subpage_types = ["blog.VideoPage"]
    card_image_field = "thumbnail"

    class Meta:
        verbose_name = _("video index")

    def videos(self) -> QuerySet[VideoPage]:
        return self.listed_pages()

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context.update(self.cards_page(request, self.videos()))
        return context


class VideoPage(ReaderPage):
    """A video with its own page: facade player, transcript, captions note."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown on cards and in search results."),
    )
    video_url = models.CharField(
        _("video address"),
        max_length=500,
        validators=[validate_video_url],
        help_text=_("The YouTube or Vimeo address of the video, e.g. https://youtu.be/…"),
    )
    video_provider = models.CharField(max_length=10, editable=False, blank=True)
    video_id = models.CharField(max_length=20, editable=False, blank=True)
    duration = models.DurationField(
        _("length"), help_text=_("minutes:seconds, e.g. 3:05 (or hours:minutes:seconds)")
    )
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("thumbnail"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A still from the video, stored here: readers never load it from YouTube."),
    )
    thumbnail_alt = models.CharField(
        _("thumbnail alt text"),
        max_length=250,
        help_text=_("Describe what the still shows, for readers who cannot see it."),
    )
    transcript = RichTextField(
        _("transcript"),
        features=TRANSCRIPT_FEATURES,
        help_text=_("Everything said and shown in the video, for readers who can't play it."),
    )
    captions_available = models.BooleanField(_("captions available"), default=False)
    captions_language = models.CharField(
        _("captions language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
    )
    tags = TopicsField(through="blog.VideoTag", blank=True, verbose_name=_("topics"), help_text="")
    features_patient = models.BooleanField(
        _("a patient appears or speaks in this video"),
        default=False,
        help_text=_(
            "Tick when the video shows or is told by a patient (or their family): it then needs "
            "their consent, covering web stories and video."
        ),
    )
    consent_record = models.ForeignKey(
        "workflow.ConsentRecord",
        verbose_name=_("consent record"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="videos",
        help_text=_("Required when a patient appears or speaks. Never shown to the public."),
    )

    content_panels = [
        *SUMMARY_PANELS,
        MultiFieldPanel([FieldPanel("video_url"), FieldPanel("duration")], heading=_("Video")),
        MultiFieldPanel(
            [FieldPanel("thumbnail"), FieldPanel("thumbnail_alt")], heading=_("Thumbnail")
        ),
        FieldPanel("transcript"),
        MultiFieldPanel(
            [FieldPanel("captions_available"), FieldPanel("captions_language")],
            heading=_("Captions"),
        ),
        FieldPanel("tags"),
    ]
    consent_panels = [
        FieldPanel("features_patient"),
        FieldPanel("consent_record"),
        ConsentDetailsPanel(),
    ]
    edit_handler = editor_tabs(content_panels, consent_panels)

    search_fields = reader_search_fields(index.SearchField("transcript", boost=0.5))

    override_translatable_fields = [
        SynchronizedField("video_url", overridable=False),
        SynchronizedField("video_provider", overridable=False),
        SynchronizedField("video_id", overridable=False),
        SynchronizedField("duration", overridable=False),
        SynchronizedField("thumbnail"),
        SynchronizedField("captions_available"),
        SynchronizedField("captions_language"),
        SynchronizedField("tagged_items"),
        SynchronizedField("features_patient", overridable=False),
        SynchronizedField("consent_record", overridable=False),
        TranslatableField("summary"),
        TranslatableField("thumbnail_alt"),
        TranslatableField("transcript"),
    ]

    base_form_class = VideoPageForm
    parent_page_types = ["blog.VideoIndexPage"]
    serve_select_related = ("thumbnail",)  # loaded with the page when it is routed

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    @property
    def video(self) -> VideoRef | None:
        """The parsed address; None when it is not a video we can play (the form says why)."""
        try:
            return parse_video_url(self.video_url)
        except ValidationError:
            return None

    def _store_video_id(self) -> None:
        video = self.video
        self.video_provider, self.video_id = (video.provider, video.video_id) if video else ("", "")

    def clean(self) -> None:
        # Runs before a revision is serialised, so drafts and previews carry the right id.
        super().clean()
        self._store_video_id()

    def save(self, *args, **kwargs):
        self._store_video_id()
        return super().save(*args, **kwargs)

    def review_blockers(self) -> list[str]:
        """A video needs a transcript and an address we can play; one in which a patient
        appears needs their valid consent for video."""
        reasons = list(super().review_blockers())
        if not strip_tags(self.transcript or "").strip():
            reasons.append(gettext("The video needs a transcript before it can be approved."))
        if self.video is None:
            reasons.append(gettext("The video address is not a YouTube or Vimeo video."))
        if self.features_patient:
            reasons += self.consent_record_blockers(
                gettext(
                    "A video in which a patient appears needs a linked consent record before "
                    "it can be approved."
                )
            )
        return reasons

    def consent_scopes_needed(self) -> list[str]:
        """A video in which a patient appears needs consent for web stories and video."""
        return [SCOPE_WEB_STORIES, SCOPE_VIDEO] if self.features_patient else []

    @cached_property
    def thumbnail_rendition(self):
        return rendition_or_none(self.thumbnail, VIDEO_RENDITION)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["thumbnail"] = self.thumbnail_rendition
        return context
