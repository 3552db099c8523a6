"""The demo content: every page answers, stories need consent, nothing answers 500."""

import pytest
from wagtail.models import Page

from blog.models import CONSENT_REQUIRED, StoryPage, VideoPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_demo_has_the_stories_and_videos_the_brief_asks_for_with_consent(seeded_demo):
    english = StoryPage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 8
    kinds = set(english.values_list("storyteller_type", flat=True))
    assert kinds == {"patient", "family", "friend", "staff"}
    assert VideoPage.objects.live().filter(locale__language_code="en").count() >= 2
    for story in english:
        assert story.hero_image is not None and story.hero_alt
        assert story.tags.exists(), story.slug
        assert any(block.block_type == "pull_quote" for block in story.body), story.slug
    # Every live story told by or about a patient links a valid consent record.
    for story in StoryPage.objects.live().filter(storyteller_type__in=CONSENT_REQUIRED):
        assert story.consent_record is not None, story.slug
        assert story.review_blockers() == [], story.slug
    for video in VideoPage.objects.live():
        assert video.review_blockers() == [], video.slug


def test_every_demo_page_answers_without_error(seeded_demo, client):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert pages.count() > 12
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    for url in ("/en/stories/feed/rss/", "/en/stories/feed/atom/", "/sitemap.xml"):
        assert client.get(url).status_code == 200, url


def test_demo_home_page_features_stories_and_videos(seeded_demo, client):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    featured = home.featured_story_pages()
    assert len(featured) == 3
    html = client.get("/en/").content.decode()
    for story in featured:
        assert story.title.replace("'", "&#x27;") in html
    assert "Latest videos" in html
    assert client.get("/en/stories/feed/rss/").status_code == 200
