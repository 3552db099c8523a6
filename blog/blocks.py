"""The pieces a story body is made of: text, pull quotes, images and privacy-first videos."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from blog.video import (
    VideoRef,
    parse_duration_text,
    parse_video_url,
    validate_duration_text,
    validate_video_url,
)

# Headings start at h2: the page title is the only h1. No images inside rich text: they go in an
# image block, which requires alt text.
BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
TRANSCRIPT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
EMPTY_TRANSCRIPT = _("Write the transcript: everything said and shown in the video.")


class PullQuoteBlock(blocks.StructBlock):
    """A sentence lifted from the story and set large, with who said it."""

    quote = blocks.TextBlock(label=_("Quote"), max_length=400)
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        max_length=120,
        required=False,
        help_text=_("Who said it, as the story names them, e.g. “Maria, mother of a patient”."),
    )

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "blog/blocks/pull_quote.html"


class ImageBlock(blocks.StructBlock):
    """An image in the story, always with alt text written for this story."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        help_text=_(
            "Describe what the image shows for someone who cannot see it. Do not start with "
            "“Image of”."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blog/blocks/image.html"


class VideoValue(blocks.StructValue):
    """What the video template needs: the parsed video and its length.

    Named apart from the child blocks: a template's ``value.duration`` finds the raw text first.
    """

    @cached_property
    def video(self) -> VideoRef | None:
        try:
            return parse_video_url(self.get("video_url", ""))
        except ValidationError:  # a value saved before validation existed renders as nothing
            return None

    @cached_property
    def length(self) -> datetime.timedelta | None:
        """The duration child parsed ("2:14" → timedelta); templates read value.length."""
        try:
            return parse_duration_text(self.get("duration", ""))
        except ValidationError:
            return None


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video shown behind a click-to-load facade, with its transcript."""

    video_url = blocks.CharBlock(
        label=_("Video address"),
        max_length=500,
        validators=[validate_video_url],
        search_index=False,
        help_text=_("The YouTube or Vimeo address of one video, e.g. https://youtu.be/…"),
    )
    title = blocks.CharBlock(
        label=_("Video title"),
        max_length=150,
        help_text=_("Read aloud by screen readers on the play button and the player."),
    )
    thumbnail = ImageChooserBlock(
        label=_("Thumbnail"),
        help_text=_("A still from the video, stored here: readers never load it from YouTube."),
    )
    duration = blocks.CharBlock(
        label=_("Length"),
        max_length=8,
        required=False,
        validators=[validate_duration_text],
        search_index=False,
        help_text=_("minutes:seconds, e.g. 3:05"),
    )
    captions_available = blocks.BooleanBlock(label=_("Captions available"), required=False)
    captions_language = blocks.ChoiceBlock(
        label=_("Captions language"), choices=settings.LANGUAGES, required=False
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=TRANSCRIPT_FEATURES,
        help_text=_(
            "Required: everything said and shown in the video, for readers who can't play it."
        ),
    )

    def clean(self, value):
        """A draft saves (and autosaves) without the transcript; submitting needs it.

        Wagtail defers required fields when a draft is saved; the empty transcript is then left
        to the page's review blockers (``missing_transcripts``), asked at submission.
        """
        value = super().clean(value)
        if not self.is_deferred_validation and not has_transcript(value):
            # An editor's empty paragraph is still an empty transcript.
            raise StructBlockValidationError(
                block_errors={"transcript": ValidationError(EMPTY_TRANSCRIPT)}
            )
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blog/blocks/video.html"
        value_class = VideoValue


def has_transcript(value) -> bool:
    transcript = value.get("transcript")
    source = getattr(transcript, "source", transcript) or ""
    return bool(strip_tags(source).strip())


def missing_transcripts(body) -> list[str]:
    """One review blocker per video block of a story body whose transcript is still empty."""
    return [
        str(_("The video “%(title)s” needs a transcript before it can be reviewed."))
        % {"title": block.value.get("title") or _("untitled")}
        for block in body
        if block.block_type == "video" and not has_transcript(block.value)
    ]


class StoryBodyBlock(blocks.StreamBlock):
    """The story body. Rich text carries the words; the other blocks punctuate them."""

    text = blocks.RichTextBlock(label=_("Text"), features=BODY_FEATURES)
    pull_quote = PullQuoteBlock()
    image = ImageBlock()
    video = VideoBlock()

    class Meta:
        min_num = 1
