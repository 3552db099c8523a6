"""Demo stories and videos under /stories/ and /videos/, with consent records and pictures.

Idempotent: index pages, stories and videos are looked up by slug, consent records by the
person's name, images by title; only what is missing is created and nothing existing is saved
again, so a second run adds no page revisions.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from blog.models import CONSENT_REQUIRED, StoryIndexPage, StoryPage, VideoIndexPage, VideoPage
from home.models import HomeFeaturedStory, HomePage
from workflow.models import ConsentRecord

from .consent_forms import signed_form_for
from .images import get_or_create_image
from .pages import english_home
from .story_texts import STORIES, STORY_INDEX, VIDEO_INDEX, VIDEOS, Consent, StoryText, VideoText
from .storyteller import approve_as_storyteller
from .topics import english_topics
from .users import SeedContext

FEATURED = ("our-sons-first-year", "twelve-hours-on-the-night-shift", "the-night-my-heart-skipped")
CONSENT_VALID_DAYS = 730


def get_or_create_index(home: HomePage, model: type[Page], slug: str, texts: dict) -> Page:
    index = model.objects.child_of(home).filter(slug=slug).first()
    if index is None:
        index = model(title=texts["title"], slug=slug, intro=texts["intro"], show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def get_or_create_consent(consent: Consent, user, *, video: bool = False) -> ConsentRecord:
    """A valid consent with its signed form: signed a month ago, expiring in two years, for the
    web story with the name in the byline (and video when the story has one). The demo's
    pictures are abstract illustrations, so photographs are not part of it."""
    today = timezone.localdate()
    record, _created = ConsentRecord.objects.get_or_create(
        person_name=consent.person_name,
        defaults={
            "relationship": consent.relationship,
            "purpose": consent.purpose,
            "date_signed": today - datetime.timedelta(days=30),
            "expires_on": today + datetime.timedelta(days=CONSENT_VALID_DAYS),
            "scope_web_stories": True,
            "scope_name_in_byline": True,
            "scope_video": video,
            "signed_form": signed_form_for(consent.person_name),
            "recorded_by": user,
        },
    )
    return record


def body_blocks(story: StoryText) -> list[tuple[str, object]]:
    """The story body as StreamField data, with generated thumbnails for its video blocks."""
    blocks = []
    for block_type, value in story.body:
        if block_type == "video":
            value = {**value, "thumbnail": get_or_create_image(value["thumbnail"])}
        blocks.append((block_type, value))
    return blocks


def published_at(days_ago: int) -> datetime.datetime:
    return timezone.now().replace(hour=9, minute=0, second=0, microsecond=0) - datetime.timedelta(
        days=days_ago
    )


def create_story(index: StoryIndexPage, text: StoryText, author, publisher) -> StoryPage:
    story = StoryPage(
        title=text.title,
        slug=text.slug,
        summary=text.summary,
        storyteller_type=text.storyteller_type,
        byline=text.byline,
        hero_image=get_or_create_image(text.hero),
        hero_alt=text.hero_alt,
        body=body_blocks(text),
        owner=author,
        first_published_at=published_at(text.days_ago),
        images_show_patient=False,  # generated illustrations: nobody appears in them
    )
    if text.storyteller_type in CONSENT_REQUIRED:
        story.consent_record = get_or_create_consent(text.consent, publisher, video=story.has_video)
    index.add_child(instance=story)
    story.tags.add(*english_topics(text.tags))
    revision = story.save_revision(user=author)
    approve_as_storyteller(story, author)
    revision.publish(user=publisher)
    return story


def create_video(index: VideoIndexPage, text: VideoText, author, publisher) -> VideoPage:
    video = VideoPage(
        title=text.title,
        slug=text.slug,
        summary=text.summary,
        video_url=text.video_url,
        duration=datetime.timedelta(seconds=text.duration_seconds),
        thumbnail=get_or_create_image(text.thumbnail),
        thumbnail_alt=text.thumbnail_alt,
        transcript=text.transcript,
        captions_available=bool(text.captions_language),
        captions_language=text.captions_language,
        owner=author,
        first_published_at=published_at(text.days_ago),
    )
    index.add_child(instance=video)
    video.tags.add(*english_topics(text.tags))
    video.save_revision(user=author).publish(user=publisher)
    return video


def feature_stories(home: HomePage, index: StoryIndexPage, publisher) -> bool:
    """Choose the home page's featured stories once; an editor's later choice is kept."""
    if home.featured_stories.exists():
        return False
    for order, slug in enumerate(FEATURED):
        story = StoryPage.objects.child_of(index).get(slug=slug)
        home.featured_stories.add(HomeFeaturedStory(story=story, sort_order=order))
    home.save_revision(user=publisher).publish(user=publisher)
    return True


def seed(context: SeedContext) -> None:
    users = get_user_model().objects.in_bulk(["author", "admin"], field_name="username")
    author, publisher = users.get("author"), users.get("admin")
    home = english_home()
    stories = get_or_create_index(home, StoryIndexPage, "stories", STORY_INDEX)
    videos = get_or_create_index(home, VideoIndexPage, "videos", VIDEO_INDEX)
    existing = set(Page.objects.child_of(stories).values_list("slug", flat=True))
    for text in STORIES:
        if text.slug not in existing:
            create_story(stories, text, author, publisher)
            context.say(f"story {text.slug}: created")
    existing = set(Page.objects.child_of(videos).values_list("slug", flat=True))
    for text in VIDEOS:
        if text.slug not in existing:
            create_video(videos, text, author, publisher)
            context.say(f"video {text.slug}: created")
    if feature_stories(home, stories, publisher):
        context.say("home page: featured stories chosen")
