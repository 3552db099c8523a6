"""The base template and the home page: landmarks, language, error pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_to_readers_language(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").headers["Location"] == "/en/"


def test_home_page_has_landmarks_and_skip_link(client, home_page):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'href="#main"' in html
    assert home_page.hero_heading in html


def test_public_pages_load_nothing_from_other_hosts(client, home_page):
    html = client.get("/en/").content.decode()
    assert "//fonts." not in html
    assert "cdn" not in html.lower()
    assert "<script>" not in html and "style=" not in html


def test_unknown_page_is_friendly_404(client, home_page):
    response = client.get("/en/no-such-story/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()


# The home page's sections: featured stories, latest videos, the policy link.


def card_titles(html: str) -> list[str]:
    import re

    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def featured_section(html: str) -> str:
    return html.split('id="featured-heading"', 1)[1].split("</section>", 1)[0]


def test_home_features_the_chosen_stories_then_the_latest(client, home_page):
    from home.models import HomeFeaturedStory
    from tests.blog_factories import make_story, story_index

    index = story_index(home_page)
    chosen = make_story(index, "Chosen story")
    older = [make_story(index, f"Story {n}") for n in range(3)]
    draft = make_story(index, "Draft story", live=False)
    html = client.get("/en/").content.decode()
    assert card_titles(featured_section(html)) == ["Story 2", "Story 1", "Story 0"]
    for order, story in enumerate([draft, chosen]):
        HomeFeaturedStory.objects.create(home_page=home_page, story=story, sort_order=order)
    html = client.get("/en/").content.decode()
    # The draft is skipped; the chosen story comes first; the latest fill the rest.
    assert card_titles(featured_section(html)) == ["Chosen story", "Story 2", "Story 1"]
    assert older[0].title not in featured_section(html)


def test_home_shows_latest_videos_and_the_policy_link(client, home_page):
    from wagtail.models import Page

    from tests.blog_factories import make_video, video_index

    for n in range(4):
        make_video(video_index(home_page), f"Video {n}")
    html = client.get("/en/").content.decode()
    section = html.split('id="videos-heading"', 1)[1].split("</section>", 1)[0]
    assert card_titles(section) == ["Video 3", "Video 2", "Video 1"]
    assert "Read our social-media policy" not in html  # nothing chosen yet
    policy = home_page.add_child(instance=Page(title="Social media policy", slug="policy"))
    home_page.policy_page = policy
    home_page.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert '<a href="/en/policy/">Read our social-media policy</a>' in html
    policy.unpublish()
    assert "Read our social-media policy" not in client.get("/en/").content.decode()


def test_spanish_home_shows_spanish_stories_only(client, home_page, spanish):
    from home.models import HomeFeaturedStory
    from tests.blog_factories import make_story, story_index, translate

    index = story_index(home_page)
    chosen = make_story(index, "Chosen in English")
    make_story(index, "English only")
    HomeFeaturedStory.objects.create(home_page=home_page, story=chosen, sort_order=0)
    home_page.save_revision().publish()
    translate(home_page, spanish)
    spanish_story = translate(chosen, spanish)
    spanish_story.title = "Elegida en inglés"
    spanish_story.save_revision().publish()
    html = client.get("/es/").content.decode()
    # The English choice shows its Spanish version; English-only stories never appear.
    assert card_titles(featured_section(html)) == ["Elegida en inglés"]
    assert "English only" not in html
