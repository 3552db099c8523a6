"""sitemap.xml lists every live story and video, and nothing unpublished."""

import xml.etree.ElementTree as ET

import pytest

from tests.blog_factories import make_story, make_video, story_index, video_index

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {loc.text for loc in root.findall("sm:url/sm:loc", NS)}


def test_sitemap_lists_live_stories_and_videos_but_no_drafts(client, home_page):
    stories, videos = story_index(home_page), video_index(home_page)
    live = [make_story(stories) for _ in range(3)] + [make_video(videos) for _ in range(2)]
    draft_story = make_story(stories, "Draft", live=False)
    draft_video = make_video(videos, "Draft video", live=False)
    withdrawn = make_story(stories, "Withdrawn")
    withdrawn.unpublish()

    locations = sitemap_locations(client)
    for page in [*live, stories, videos]:
        assert page.get_full_url() in locations, page.title
    for page in (draft_story, draft_video, withdrawn):
        assert page.get_full_url() not in locations, page.title
