"""RSS and Atom feeds of the stories: both parse, list the right items, in the right language."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from tests.blog_factories import make_story, story_index, translate
from tests.workflow_factories import storyteller_approves

pytestmark = pytest.mark.django_db

FEEDS = ["/en/stories/feed/rss/", "/en/stories/feed/atom/"]


@pytest.fixture
def stories(home_page):
    index = story_index(home_page)
    now = timezone.now()
    return {
        "heart": make_story(
            index,
            "A new heart rhythm",
            tags=["cardiology", "surgery"],
            storyteller_type="patient",
            byline="Tomás, patient",
            summary="How the cardiac team explained every step.",
            published_at=now - datetime.timedelta(days=3),
        ),
        "night": make_story(
            index,
            "Twelve hours on the night shift",
            tags=["nursing"],
            byline="",
            published_at=now - datetime.timedelta(days=1),
        ),
        "draft": make_story(index, "Not ready yet", tags=["surgery"], live=False),
    }


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return response, parsed


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_parse_and_list_live_stories_newest_first(client, stories, url):
    response, parsed = fetch(client, url)
    kind = "rss" if "rss" in url else "atom"
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    assert parsed.feed.language == "en"
    titles = [entry.title for entry in parsed.entries]
    assert titles == ["Twelve hours on the night shift", "A new heart rhythm"]
    heart = parsed.entries[1]
    assert heart.link == stories["heart"].get_full_url()
    assert heart.link.startswith("http")
    assert heart.summary == "How the cardiac team explained every step."
    assert heart.author == "Tomás, patient"
    assert parsed.entries[0].author == "Anonymous"
    assert sorted(tag.term for tag in heart.tags) == ["cardiology", "surgery"]
    assert heart.published_parsed[:3] == stories["heart"].first_published_at.timetuple()[:3]
    thumbnail = heart.media_thumbnail[0]
    assert thumbnail["url"].startswith("http") and "/media/images/" in thumbnail["url"]
    assert thumbnail["width"] == "300"


@pytest.mark.parametrize("url", [u.replace("stories/", "stories/tag/surgery/") for u in FEEDS])
def test_topic_feeds_list_only_that_topic(client, stories, url):
    _response, parsed = fetch(client, url)
    assert [entry.title for entry in parsed.entries] == ["A new heart rhythm"]
    assert "surgery" in parsed.feed.title
    assert parsed.feed.link.endswith("/en/stories/?tag=surgery")


def test_unknown_topic_feed_is_not_found(client, stories):
    assert client.get("/en/stories/tag/no-such-topic/feed/rss/").status_code == 404
    assert client.get("/en/stories/tag/no-such-topic/feed/atom/").status_code == 404


def test_spanish_feed_is_in_spanish_with_spanish_stories_only(client, stories, spanish):
    story = translate(stories["heart"], spanish)
    story.title = "Un nuevo ritmo cardiaco"
    revision = story.save_revision()
    storyteller_approves(story)  # a patient's story: its storyteller approves the new title
    revision.publish()
    _response, parsed = fetch(client, "/es/stories/feed/atom/")
    assert parsed.feed.language == "es"
    assert [entry.title for entry in parsed.entries] == ["Un nuevo ritmo cardiaco"]
    assert parsed.entries[0].link == story.get_full_url()
    assert "/es/stories/" in parsed.entries[0].link


def test_listing_and_story_pages_advertise_the_feeds(client, stories):
    for url in ("/en/stories/", stories["heart"].url, "/en/"):
        html = client.get(url).content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml" title="All stories (RSS)" '
            'href="/en/stories/feed/rss/">' in html
        ), url
        assert 'type="application/atom+xml"' in html, url
