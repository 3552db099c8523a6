"""The dashboard's "New story" and "New video": one click to the add form, for whoever may add."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from blog.models import StoryIndexPage
from tests.blog_factories import story_index, translate, video_index

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("wagtailadmin_home")


def add_url(model: str, parent) -> str:
    return reverse("wagtailadmin_pages:add", args=("blog", model, parent.pk))


def test_an_author_starts_a_story_or_a_video_from_the_dashboard(home_page, author, client_for):
    stories, videos = story_index(home_page), video_index(home_page)
    client = client_for(author)
    html = client.get(DASHBOARD).content.decode()
    assert "Start writing" in html
    assert f'href="{add_url("storypage", stories)}"' in html and "New story" in html
    assert f'href="{add_url("videopage", videos)}"' in html and "New video" in html
    # The link opens the add form itself.
    assert client.get(add_url("storypage", stories)).status_code == 200


def test_the_actions_follow_the_authors_language(home_page, author, spanish, client_for):
    stories = story_index(home_page)
    spanish_stories = StoryIndexPage.objects.get(
        pk=translate(stories, spanish, title="Historias").pk
    )
    profile = UserProfile.get_for_user(author)
    profile.preferred_language = "es"
    profile.save()
    html = client_for(author).get(DASHBOARD).content.decode()
    assert add_url("storypage", spanish_stories) in html
    assert add_url("storypage", stories) not in html


def test_the_actions_are_not_offered_to_who_cannot_add_pages(home_page, reviewer, client_for):
    stories = story_index(home_page)
    html = client_for(reviewer).get(DASHBOARD).content.decode()
    assert add_url("storypage", stories) not in html
    assert "Start writing" not in html
