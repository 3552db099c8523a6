"""Reading time and structured data are worked out when a story is saved or published; serving
the story only reads them (blog/migrations/0009_p_story_publish_time_fields fills older ones).
"""

from __future__ import annotations

import importlib
import json
import re

import pytest
from django.apps import apps

from blog.models import StoryPage
from tests.blog_factories import body, make_story, story_index, translate

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def index(home_page):
    return story_index(home_page)


def test_publishing_stores_reading_time_and_the_article_data(index):
    story = make_story(index, "Long night", tags=["nursing", "cardiology"], byline="")
    stored = StoryPage.objects.get(pk=story.pk)
    assert stored.reading_minutes == 1
    assert stored.structured_data["headline"] == "Long night"
    assert sorted(stored.structured_data["keywords"]) == ["cardiology", "nursing"]
    assert stored.structured_data["author"] == {"@type": "Person", "name": "Anonymous"}
    assert stored.structured_data["inLanguage"] == "en"
    assert stored.structured_data["datePublished"] == stored.first_published_at.isoformat()

    stored.body = body("word " * 900)
    stored.title = "A longer night"
    stored.save_revision().publish()
    republished = StoryPage.objects.get(pk=story.pk)
    assert republished.reading_minutes == 5
    assert republished.structured_data["headline"] == "A longer night"
    assert republished.structured_data["dateModified"] == republished.last_published_at.isoformat()


def test_the_story_page_shows_what_was_stored(client, index):
    story = make_story(index, "Stored facts")
    StoryPage.objects.filter(pk=story.pk).update(
        reading_minutes=7,
        structured_data={**story.structured_data, "headline": "Headline kept at publication"},
    )
    html = client.get(story.url).content.decode()
    assert "7 minute read" in html
    data = json_ld(html)
    assert data["headline"] == "Headline kept at publication"
    assert data["url"] == data["mainEntityOfPage"] == story.get_full_url()
    assert data["image"].startswith("http") and ".fill-1200x630" in data["image"]


def test_a_translation_has_its_own_language_and_words(index, spanish):
    story = make_story(index, "Night shift", byline="")
    spanish_story = translate(story, spanish, title="Turno de noche", text="palabra " * 450)
    stored = StoryPage.objects.get(pk=spanish_story.pk)
    assert stored.structured_data["inLanguage"] == "es"
    assert stored.structured_data["headline"] == "Turno de noche"
    assert stored.structured_data["author"]["name"] == "Anónimo"
    assert stored.reading_minutes == 3


def test_the_migration_fills_stories_saved_before_it(index):
    story = make_story(index, "Older story", tags=["recovery"], body=body("word " * 450))
    StoryPage.objects.filter(pk=story.pk).update(reading_minutes=1, structured_data={})
    migration = importlib.import_module("blog.migrations.0009_p_story_publish_time_fields")
    migration.fill_existing_stories(apps, None)
    stored = StoryPage.objects.get(pk=story.pk)
    assert stored.reading_minutes == 3
    assert stored.structured_data["headline"] == "Older story"
    assert stored.structured_data["keywords"] == ["recovery"]
