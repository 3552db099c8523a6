"""Stories, videos and their index pages for tests; small real images made with Pillow.

Importable by any test module (the comments and search tests need stories too). The fixtures
that use these live in the test modules themselves. Consent records: tests.workflow_factories.
"""

from __future__ import annotations

import datetime
import itertools
import json

from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from blog.models import StoryIndexPage, StoryPage, Topic, VideoIndexPage, VideoPage
from home.models import HomePage
from tests.workflow_factories import make_consent, storyteller_approves

_counter = itertools.count(1)


def make_image(title: str = "Test image", colour: str = "teal", size=(320, 200)):
    """A real PNG in the image library (renditions are generated from it)."""
    return get_image_model().objects.create(
        title=title,
        file=get_test_image_file(f"{title.lower().replace(' ', '-')}.png", colour, size),
    )


def story_index(home: HomePage) -> StoryIndexPage:
    existing = StoryIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = StoryIndexPage(title="Stories", slug="stories", intro="Stories from our hospital.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def video_index(home: HomePage) -> VideoIndexPage:
    existing = VideoIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = VideoIndexPage(title="Videos", slug="videos")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def body(text: str = "A short story about a long night on the ward.") -> list[tuple[str, object]]:
    return [("text", f"<p>{text}</p>")]


def topic_named(name: str, locale: Locale | None = None) -> Topic:
    """The topic called ``name`` in ``locale`` (default English), created as Communications do."""
    default = Locale.get_default()
    slug = slugify(name, allow_unicode=True)
    topic, _created = Topic.objects.get_or_create(
        locale=default, slug=slug, defaults={"name": name}
    )
    if locale is None or locale.pk == default.pk:
        return topic
    translation = topic.get_translation_or_none(locale)
    if translation is None:
        translation = topic.copy_for_translation(locale)
        translation.save()
    return translation


_NEW_CONSENT = object()


def make_story(
    parent: StoryIndexPage | HomePage,
    title: str | None = None,
    *,
    author=None,
    live: bool = True,
    tags: list[str] = (),
    storyteller_type: str = "staff",
    consent_record=_NEW_CONSENT,
    storyteller_approved: bool = True,
    published_at: datetime.datetime | None = None,
    image=None,
    **fields,
) -> StoryPage:
    """A story under ``parent`` (a story index, or a home page whose story index it makes if
    missing), published through a revision unless ``live=False`` (then a never-published draft).

    ``author`` owns the story and made its revision. A patient's or family member's story gets
    a new signed consent unless ``consent_record`` is given (None: a story without one), and the
    storyteller's approval of its revision unless ``storyteller_approved`` is False.
    ``published_at`` is the first publication date the listings sort by.
    """
    index = story_index(parent) if isinstance(parent, HomePage) else parent
    number = next(_counter)
    title = title or f"Story {number}"
    if consent_record is _NEW_CONSENT:
        consent_record = None if storyteller_type == "staff" else make_consent(f"Patient {number}")
    story = StoryPage(
        title=title,
        slug=fields.pop("slug", f"story-{number}"),
        summary=fields.pop("summary", f"Summary of {title}."),
        storyteller_type=storyteller_type,
        consent_record=consent_record,
        byline=fields.pop("byline", "A nurse on ward 7"),
        hero_image=image or make_image(f"Hero {number}"),
        hero_alt=fields.pop("hero_alt", "A corridor of the hospital at dawn"),
        body=fields.pop("body", body()),
        first_published_at=published_at,
        owner=fields.pop("owner", author),
        live=False,  # published below, through a revision, as editors do
        **fields,
    )
    index.add_child(instance=story)
    story.tags.add(*(topic_named(tag, story.locale) for tag in tags))
    revision = story.save_revision(user=author)
    if storyteller_approved and story.consent_record_id and story.needs_storyteller_approval():
        storyteller_approves(story)
    if live:
        revision.publish()
    story.refresh_from_db()
    return story


def make_video(index: VideoIndexPage, title: str | None = None, *, live: bool = True, **fields):
    number = next(_counter)
    title = title or f"Video {number}"
    video = VideoPage(
        title=title,
        slug=fields.pop("slug", f"video-{number}"),
        summary=fields.pop("summary", f"Summary of {title}."),
        video_url=fields.pop("video_url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        duration=fields.pop("duration", datetime.timedelta(minutes=3, seconds=5)),
        thumbnail=fields.pop("thumbnail", None) or make_image(f"Still {number}"),
        thumbnail_alt=fields.pop("thumbnail_alt", "A nurse smiles at the camera"),
        transcript=fields.pop("transcript", "<p>Hello, I am a nurse on the children's ward.</p>"),
        **fields,
    )
    video.live = False  # published below, through a revision, as editors do
    index.add_child(instance=video)
    revision = video.save_revision()
    if live:
        revision.publish()
    video.refresh_from_db()
    return video


def translate(page, locale, *, title: str = "", summary: str = "", text: str = ""):
    """A published copy of the page (and of any missing parent) in another language.

    With ``title`` (and ``summary``, ``text``) the copy gets new words and its own slug, as a
    translator's work would.
    """
    translation = page.specific.copy_for_translation(locale, copy_parents=True, alias=False)
    for ancestor in translation.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    if title:
        translation.title = title
        translation.slug = f"{page.slug}-{locale.language_code}"
    if summary:
        translation.summary = summary
    if text:
        translation.body = body(text)
    revision = translation.save_revision()
    if getattr(translation, "consent_record_id", None):
        storyteller_approves(translation)
    revision.publish()
    return type(translation).objects.get(pk=translation.pk)


def draftail(text: str) -> str:
    """What the rich-text editor posts for one paragraph (an empty one when text is "")."""
    block = {
        "key": "a1b2c",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def video_form_data(thumbnail) -> dict:
    """A valid add form for a video page, as the editor posts it."""
    return {
        "title": "A video",
        "slug": "a-video",
        "summary": "About it.",
        "video_url": "https://youtu.be/dQw4w9WgXcQ",
        "duration": "3:05",
        "thumbnail": thumbnail.pk,
        "thumbnail_alt": "A nurse waves",
        "transcript": draftail("Hello from the ward."),
    }
