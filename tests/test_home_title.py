"""Page titles: the home page is the site's name alone, every other page "Page · site name"."""

from __future__ import annotations

import re

import pytest

from tests.blog_factories import make_story, story_index, translate

pytestmark = pytest.mark.django_db


def title_of(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200, address
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def test_the_home_page_title_is_the_site_name_once(client, home_page):
    assert title_of(client, "/en/") == "Clinic Stories"


def test_the_spanish_home_page_title_is_the_spanish_site_name(client, home_page, spanish):
    translate(home_page, spanish)
    assert title_of(client, "/es/") == "Historias de la Clínica"


def test_a_search_title_set_by_editors_replaces_it(client, home_page):
    home_page.seo_title = "Stories from Northfield General Hospital"
    home_page.save_revision().publish()
    assert title_of(client, "/en/") == "Stories from Northfield General Hospital"


def test_other_pages_keep_the_site_name_after_their_own(client, home_page):
    story = make_story(story_index(home_page), "A new knee at seventy")
    assert title_of(client, "/en/stories/") == "Stories · Clinic Stories"
    assert title_of(client, story.url) == "A new knee at seventy · Clinic Stories"
    assert title_of(client, "/en/search/") == "Search · Clinic Stories"
