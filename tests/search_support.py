"""Helpers for the search tests: run a search through the view; stories to search."""

from __future__ import annotations

from django.test import Client

from blog.models import StoryIndexPage, StoryPage
from home.models import HomePage
from tests.blog_factories import body, make_image, make_story, story_index


def search(client: Client, language: str = "en", **params: str):
    """GET the search page in a language with these parameters; assert it answered 200."""
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200, response.status_code
    return response


def results(client: Client, language: str = "en", **params: str) -> list[str]:
    """The titles of the organic results on the requested page, in order."""
    return [item.title for item in search(client, language, **params).context["items"]]


# A story both the prefix and the similar-words tests search for ("physio", "kneee").
KNEE = "A new knee at seventy"
KNEE_STORY = {
    "summary": "Walking to the shops again.",
    "byline": "Joan, orthopaedic patient",
    "body": body("The physiotherapist had me climbing stairs on the second day."),
}


def story_index_with(home_page: HomePage, stories: dict[str, dict]) -> StoryIndexPage:
    """A story index with a live story for each title, in order (the value: ``make_story``'s
    keyword arguments), all sharing one hero image."""
    index = story_index(home_page)
    image = make_image("Shared hero")
    for title, fields in stories.items():
        make_story(index, title, image=image, **fields)
    return index


def story_titled(index: StoryIndexPage, title: str) -> StoryPage:
    """The index's story with this title."""
    return next(page for page in index.get_children().specific() if page.title == title)
