"""The page cache: every change a reader could notice reaches the next anonymous request.

Each test first proves the page is served from the cache (a second reader gets ``X-Page-Cache:
hit`` with the old content), then makes the change the way the site makes it, then reads again.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from comments.models import Comment
from comments.moderation import moderate
from tests.blog_factories import (
    make_image,
    make_story,
    make_video,
    story_index,
    translate,
    video_index,
)
from tests.policy_fixtures import make_policy, policy_index, publish_version
from tests.workflow_factories import make_consent
from workflow.consent_enforcement import enforce_consent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The page cache on (tests/conftest.py's empty_cache empties it around each test)."""
    settings.PAGECACHE_ENABLED = True


def read(path: str):
    """One anonymous reader: a fresh client, so no cookie from an earlier answer is sent."""
    return Client().get(path)


def cached_html(path: str) -> str:
    """Read a page twice and check the second reader was served from the page cache."""
    first = read(path)
    assert first.status_code == 200
    second = read(path)
    assert second["X-Page-Cache"] == "hit", f"{path} was not served from the page cache"
    assert second.content == first.content
    return second.content.decode()


def fresh_html(path: str) -> str:
    response = read(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def stories(home_page):
    return story_index(home_page)


@pytest.fixture
def story(stories):
    return make_story(stories, "A long night on ward 7", tags=["cardiology"])


def test_a_new_story_reaches_the_listing_home_tag_page_and_feeds(home_page, stories, story):
    addresses = ["/en/", "/en/stories/", "/en/stories/?tag=cardiology", "/en/stories/feed/rss/"]
    for path in addresses:
        assert "Back home after the transplant" not in cached_html(path)
    tag_feed = "/en/stories/tag/cardiology/feed/atom/"
    assert "Back home after the transplant" not in cached_html(tag_feed)

    make_story(stories, "Back home after the transplant", tags=["cardiology"])

    for path in [*addresses, tag_feed]:
        assert "Back home after the transplant" in fresh_html(path), path


def test_a_republished_story_shows_its_new_title(home_page, stories, story):
    assert "A long night on ward 7" in cached_html("/en/stories/")
    assert "A long night on ward 7" in cached_html("/en/")
    assert "A long night on ward 7" in cached_html(story.url)

    story.title = "The longest night on ward 7"
    story.save_revision().publish()

    assert "The longest night on ward 7" in fresh_html("/en/stories/")
    assert "The longest night on ward 7" in fresh_html("/en/")
    assert "The longest night on ward 7" in fresh_html(story.url)


def test_a_draft_changes_nothing_readers_see(stories, story):
    assert "A long night on ward 7" in cached_html("/en/stories/")

    story.title = "Draft title nobody approved"
    story.save_revision()

    response = read("/en/stories/")
    assert response["X-Page-Cache"] == "hit"
    assert "Draft title nobody approved" not in response.content.decode()


def test_an_unpublished_story_is_gone_at_once(stories, story):
    assert "A long night on ward 7" in cached_html("/en/stories/")
    url = story.url
    assert "A long night on ward 7" in cached_html(url)

    story.unpublish()

    assert "A long night on ward 7" not in fresh_html("/en/stories/")
    assert read(url).status_code == 404


def test_revoking_consent_takes_the_story_off_every_page(home_page, stories):
    record = make_consent("Rosa")
    make_story(stories, "Rosa's new knee", storyteller_type="patient", consent_record=record)
    assert "Rosa&#x27;s new knee" in cached_html("/en/stories/")
    assert "Rosa&#x27;s new knee" in cached_html("/en/")

    record.revoked_at = timezone.now()
    record.revocation_note = "Rosa asked us to take it down."
    record.save()
    report = enforce_consent([record])

    assert len(report.unpublished) == 1
    assert "Rosa&#x27;s new knee" not in fresh_html("/en/stories/")
    assert "Rosa&#x27;s new knee" not in fresh_html("/en/")


def test_a_moved_story_leaves_its_old_listing(home_page, stories, story, spanish):
    spanish_stories = translate(stories, spanish)
    assert "A long night on ward 7" in cached_html("/en/stories/")
    assert "A long night on ward 7" not in cached_html("/es/stories/")

    story.move(spanish_stories, pos="last-child")

    assert "A long night on ward 7" not in fresh_html("/en/stories/")
    assert "A long night on ward 7" in fresh_html("/es/stories/")


def test_a_deleted_story_leaves_the_listing(stories, story):
    assert "A long night on ward 7" in cached_html("/en/stories/")

    story.delete()

    assert "A long night on ward 7" not in fresh_html("/en/stories/")


def test_approving_and_rejecting_a_comment_changes_the_counts(stories, story, comms):
    comment = Comment.objects.create(page=story, name="Reader", body="Thank you for this.")
    assert "1 comment" not in cached_html("/en/stories/")
    assert "Thank you for this." not in cached_html(story.url)

    moderate([comment.pk], Comment.Status.APPROVED, comms)
    assert "1 comment" in fresh_html("/en/stories/")
    assert "Thank you for this." in cached_html(story.url)
    cached_html("/en/stories/")

    moderate([comment.pk], Comment.Status.REJECTED, comms, Comment.RejectionReason.OFF_TOPIC)
    assert "1 comment" not in fresh_html("/en/stories/")
    assert "Thank you for this." not in fresh_html(story.url)


def test_a_new_pending_comment_keeps_the_cache(stories, story):
    cached_html("/en/stories/")

    Comment.objects.create(page=story, name="Reader", body="Waiting for moderation.")

    assert read("/en/stories/")["X-Page-Cache"] == "hit"


def test_a_published_translation_appears_in_its_language(stories, story, spanish):
    spanish_stories = translate(stories, spanish)
    assert "Una noche larga" not in cached_html("/es/stories/")

    translation = story.copy_for_translation(spanish)
    translation.title = "Una noche larga en la sala 7"
    translation.save_revision().publish()

    assert "Una noche larga en la sala 7" in fresh_html(spanish_stories.url)


def test_a_new_policy_version_is_shown(home_page):
    policy = make_policy(policy_index(home_page))
    publish_version(policy, "1.0", datetime.date(2024, 1, 1))
    policy.refresh_from_db()
    assert "Version 1.0" in cached_html(policy.url)

    publish_version(policy, "1.1", datetime.date(2024, 6, 1), summary="Clearer rules.")

    html = fresh_html(policy.url)
    assert "Version 1.1" in html
    assert "Clearer rules." in html


def test_search_promotions_show_and_go_at_once(stories, story):
    other = make_story(stories, "Cardiology nurses at night", image=make_image("Other"))
    path = "/en/search/?q=night"
    promoted = 'id="promoted-heading"'
    assert promoted not in cached_html(path)

    promotion = SearchPromotion.objects.create(query=Query.get("night"), page=other, sort_order=0)
    assert promoted in fresh_html(path)
    cached_html(path)

    promotion.delete()
    assert promoted not in fresh_html(path)


def test_a_new_video_reaches_the_video_listing_and_home(home_page):
    videos = video_index(home_page)
    assert "Meet the night team" not in cached_html("/en/videos/")
    assert "Meet the night team" not in cached_html("/en/")

    make_video(videos, "Meet the night team")

    assert "Meet the night team" in fresh_html("/en/videos/")
    assert "Meet the night team" in fresh_html("/en/")


def test_a_page_cached_before_midnight_is_not_served_the_next_day(stories, story, monkeypatch):
    cached_html("/en/stories/")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)

    assert read("/en/stories/")["X-Page-Cache"] == "miss"


def test_a_new_release_does_not_serve_pages_rendered_by_the_old_code(stories, story):
    cached_html("/en/stories/")

    call_command("migrate", verbosity=0)  # every release runs it once

    assert read("/en/stories/")["X-Page-Cache"] == "miss"
