"""generate_stories: valid, live, indexed and varied stories for the search benchmark."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.models import Page

from blog.models import StoryPage
from tests.search_support import results

pytestmark = pytest.mark.django_db


def generated():
    return StoryPage.objects.filter(slug__startswith="generated-story-")


def test_generated_stories_are_live_valid_varied_and_searchable(client, home_page, capsys):
    call_command("generate_stories", count=25, seed=7)

    stories = list(generated())
    assert len(stories) == 25
    assert all(story.live and story.first_published_at for story in stories)
    assert len({story.title for story in stories}) >= 20
    assert len({story.storyteller_type for story in stories}) >= 3
    assert all(story.tags.exists() for story in stories)
    assert Page.find_problems() == ([], [], [], [], [])
    for story in stories[:3]:
        story.full_clean()
        assert story.title in results(client, q=story.title)
    assert "Created 25 stories" in capsys.readouterr().out


def test_top_up_only_creates_what_is_missing(home_page, capsys):
    call_command("generate_stories", count=5)
    call_command("generate_stories", count=8, top_up=True)
    assert generated().count() == 8
    call_command("generate_stories", count=8, top_up=True)
    assert generated().count() == 8
    assert "nothing to do" in capsys.readouterr().out
