"""Query budgets of every public page family, uncached (every cache a dummy) and warm.

The budgets do not depend on how many stories, tags, related stories, comments or cards a page
shows: the content below has several of each.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from tests.blog_factories import (
    make_image,
    make_story,
    make_video,
    story_index,
    topic_named,
    video_index,
)
from tests.policy_fixtures import make_policy, policy_index, publish_version

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

# Uncached budgets, every cache a DummyCache: Wagtail's own caches (site root paths) included,
# and the main menu's one query (with any real cache it is kept, see test_home_navigation).
# A page address is routed in two queries (the site, then every page on the path with its
# translations: blog/serving.py); a story then needs its topics, related stories, renditions,
# the menu, its comments (the header's count is their number) and approved mentions.
# Search (a Django view, not routed) loads the sites and their home pages in every language,
# the topics in use, the promotions, counts and loads the results, their topics, counts the
# search and builds the menu.
UNCACHED_BUDGETS = {
    "home": 8,
    "story listing": 8,
    "story": 8,
    "video listing": 7,
    "video": 6,
    "policy": 4,
    "search": 9,
}


@pytest.fixture
def site_content(home_page):
    stories = story_index(home_page)
    topics = ["cardiology", "nursing", "recovery", "family", "night shift"]
    shown = [make_story(stories, f"Story about {topic}", tags=topics) for topic in topics]
    for number in range(4):
        Comment.objects.create(
            page=shown[0], name=f"Reader {number}", body="Thank you.", status="approved"
        )
    videos = video_index(home_page)
    clips = [make_video(videos, f"Clip {number}") for number in range(3)]
    policy = make_policy(policy_index(home_page))
    publish_version(policy, "1.0", datetime.date(2024, 1, 1))
    publish_version(policy, "1.1", datetime.date(2024, 6, 1), summary="Clearer rules.")
    policy.refresh_from_db()
    return {
        "home": "/en/",
        "story listing": "/en/stories/",
        "story": shown[0].url,
        "video listing": "/en/videos/",
        "video": clips[0].url,
        "policy": policy.url,
        "search": "/en/search/?q=story",
    }


def read(path: str):
    response = Client().get(path)
    assert response.status_code == 200, path
    return response


@pytest.mark.parametrize("page", sorted(UNCACHED_BUDGETS))
def test_uncached_pages_stay_within_their_query_budget(
    page, site_content, settings, django_assert_max_num_queries
):
    settings.CACHES = DUMMY
    settings.PAGECACHE_ENABLED = True  # with a dummy cache nothing can be kept
    read(site_content[page])  # renditions are made once, on the first view

    with django_assert_max_num_queries(UNCACHED_BUDGETS[page]):
        response = read(site_content[page])
    assert "X-Page-Cache" not in response


def story_in_pictures(home_page, images: int, videos: int):
    still = {
        "video_url": "https://youtu.be/dQw4w9WgXcQ",
        "title": "A tour of the ward",
        "duration": "2:14",
        "captions_available": True,
        "captions_language": "es",
        "transcript": "<p>Welcome to the ward.</p>",
    }
    return make_story(
        home_page,
        f"A story in {images} pictures and {videos} videos",
        body=[
            ("text", "<p>Our ward in pictures.</p>"),
            *(
                ("image", {"image": make_image(), "alt_text": f"Ward {n}", "caption": ""})
                for n in range(images)
            ),
            *(("video", {**still, "thumbnail": make_image()}) for _ in range(videos)),
        ],
    )


def test_pictures_in_a_story_body_cost_no_query_each(home_page, settings):
    """The body's images (one query a block type) and their renditions (with the page's other
    renditions) cost the same for one picture as for five."""
    settings.CACHES = DUMMY
    settings.PAGECACHE_ENABLED = False
    counts = []
    for images, videos in ((1, 1), (3, 2)):
        story = story_in_pictures(home_page, images, videos)
        read(story.url)  # renditions are made once, on the first view
        with CaptureQueriesContext(connection) as queries:
            html = read(story.url).content.decode()
        assert html.count('alt="Ward ') == images
        assert html.count("video__thumbnail") == videos
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[1] <= UNCACHED_BUDGETS["story"] + 2  # the image and the video blocks' images


def test_search_results_cost_no_query_each(home_page, settings):
    """One result or ten, of three page types, with their topics: the same queries."""
    settings.CACHES = DUMMY
    settings.PAGECACHE_ENABLED = False
    stories = story_index(home_page)
    make_story(stories, "Lonely heron by the river", tags=["Birds"])
    for number in range(6):
        make_story(stories, f"Crowded heron colony {number}", tags=["Birds", f"Colony {number}"])
    videos = video_index(home_page)
    for number in range(3):
        video = make_video(videos, f"Crowded heron nests {number}", live=False)
        video.tags.add(topic_named(f"Nests {number}", video.locale))
        video.save_revision().publish()
    policy = make_policy(policy_index(home_page), title="Crowded heron policy")
    publish_version(policy, "1.0", datetime.date(2024, 1, 1))

    counts = []
    for words, shown in (("lonely", 1), ("crowded", 10)):
        read(f"/en/search/?q={words}")  # the words' first search also creates its hit counter
        with CaptureQueriesContext(connection) as queries:
            response = read(f"/en/search/?q={words}")
        assert len(response.context["items"]) == shown
        assert {item.kind for item in response.context["items"]} >= (
            {"Story", "Video", "Policy"} if shown > 1 else {"Story"}
        )
        assert all(item.tags for item in response.context["items"] if item.kind != "Policy")
        counts.append(len(queries))
    assert counts[0] == counts[1] == UNCACHED_BUDGETS["search"], counts


def test_a_story_renders_in_seven_queries_once_the_menu_is_cached(
    site_content, settings, django_assert_max_num_queries
):
    settings.PAGECACHE_ENABLED = False
    cache.clear()
    read(site_content["story"])

    with django_assert_max_num_queries(7):
        read(site_content["story"])


@pytest.mark.parametrize("page", sorted(UNCACHED_BUDGETS))
def test_warm_pages_need_no_query(page, site_content, settings, django_assert_num_queries):
    settings.PAGECACHE_ENABLED = True
    cache.clear()
    read(site_content[page])

    with django_assert_num_queries(0):
        response = read(site_content[page])
    assert response["X-Page-Cache"] == "hit"
