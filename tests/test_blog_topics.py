"""Topics as a managed vocabulary: Communications create and translate them, authors choose
them, readers see them in their language, and old topic addresses keep working."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale

from blog.models import StoryPage, Topic
from pagecache.generation import current, page_cache
from tests.blog_factories import make_image, make_story, story_index, topic_named
from tests.test_blog_admin import story_form
from tests.translations_support import translate_every_segment, translate_home

pytestmark = pytest.mark.django_db

TOPIC_ADD = reverse("wagtailsnippets_blog_topic:add")


@pytest.fixture
def index(home_page):
    return story_index(home_page)


def spanish_surgery(spanish: Locale) -> Topic:
    """ "Surgery" and its Spanish translation "Cirugía", sharing the slug."""
    english = topic_named("Surgery")
    spanish_topic = english.copy_for_translation(spanish)
    spanish_topic.name = "Cirugía"
    spanish_topic.save()
    return spanish_topic


def test_communications_create_a_topic_and_authors_cannot(client_for, comms, author):
    client = client_for(author)
    for response in (
        client.get(TOPIC_ADD),
        client.post(TOPIC_ADD, {"name": "Nutrition", "slug": "nutrition"}),
    ):  # Wagtail's refusal: back to the dashboard with "you do not have permission"
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not Topic.objects.filter(slug="nutrition").exists()
    assert "Topics" not in client.get("/admin/").content.decode()  # no menu item either

    client = client_for(comms)
    response = client.post(TOPIC_ADD, {"name": "Nutrition", "slug": "nutrition"})
    assert response.status_code == 302
    listing = client.get(reverse("wagtailsnippets_blog_topic:list"))
    assert listing.status_code == 200
    assert "Nutrition" in listing.content.decode()
    topic = Topic.objects.get(slug="nutrition")
    assert (topic.name, topic.locale.language_code) == ("Nutrition", "en")

    # Another topic may not take the same address.
    response = client.post(TOPIC_ADD, {"name": "Diet", "slug": "nutrition"})
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


def test_only_communications_start_a_topic_translation(client_for, comms, author, spanish):
    topic = topic_named("Nutrition")
    url = f"/admin/localize/submit/snippet/blog/topic/{topic.pk}/"
    response = client_for(author).post(url, {"locales": [spanish.pk]})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert topic.get_translation_or_none(spanish) is None

    response = client_for(comms).post(url, {"locales": [spanish.pk]})
    assert response.status_code == 302
    assert topic.get_translation(spanish).slug == "nutrition"  # shared with the original


def test_an_author_chooses_topics_of_the_page_language(client_for, author, index, spanish):
    surgery = topic_named("Surgery")
    spanish_only = spanish_surgery(spanish)
    client = client_for(author)
    add_url = reverse("wagtailadmin_pages:add", args=("blog", "storypage", index.pk))
    html = client.get(add_url).content.decode()
    assert 'type="checkbox" name="tags"' in html
    assert "Cirugía" not in html  # Spanish topics are not offered on an English story

    form = story_form(make_image("Garden"))
    del form["action-publish"]  # authors save drafts and submit; they do not publish
    form["tags"] = [spanish_only.pk]
    response = client.post(add_url, form)
    assert response.status_code == 200
    assert "tags" in response.context["form"].errors
    assert not StoryPage.objects.filter(slug="walking-again").exists()

    form["tags"] = [surgery.pk]
    response = client.post(add_url, form)
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="walking-again")
    draft = story.get_latest_revision_as_object()
    assert [topic.name for topic in draft.tags.all()] == ["Surgery"]
    assert not Topic.objects.filter(name__in=["surgery, rehabilitation"]).exists()


def test_a_spanish_story_shows_spanish_topics_and_filters_by_them(
    client, home_page, index, spanish
):
    spanish_surgery(spanish)
    english = make_story(index, "Heart surgery", tags=["Surgery"])
    translate_home(home_page, spanish)
    translate_every_segment(index, spanish)
    translated = translate_every_segment(english, spanish).specific  # wagtail-localize's sync

    assert [(t.name, t.locale_id) for t in translated.tags.all()] == [("Cirugía", spanish.pk)]
    spanish_index = translated.get_parent().url
    html = client.get(translated.url).content.decode()
    assert f'<a class="tag" href="{spanish_index}?tag=surgery">Cirugía</a>' in html
    assert '"keywords": ["Cirugía"]' in html
    assert ">Surgery<" not in html

    listing = client.get(spanish_index, {"tag": "surgery"})
    assert listing.status_code == 200
    assert listing.context["filtered_tag_name"] == "Cirugía"
    assert [story.pk for story in listing.context["cards"]] == [translated.pk]
    english_listing = client.get("/en/stories/", {"tag": "surgery"})
    assert english_listing.context["filtered_tag_name"] == "Surgery"


def test_feeds_per_topic_in_both_languages(client, home_page, index, spanish):
    spanish_surgery(spanish)
    english = make_story(index, "Heart surgery", tags=["Surgery"])
    translate_home(home_page, spanish)
    translate_every_segment(index, spanish)
    spanish_index = translate_every_segment(english, spanish).get_parent().url

    english_feed = client.get("/en/stories/tag/surgery/feed/rss/").content.decode()
    assert "Clinic Stories: stories about Surgery" in english_feed
    assert "<category>Surgery</category>" in english_feed
    spanish_feed = client.get(f"{spanish_index}tag/surgery/feed/atom/").content.decode()
    assert "Cirugía" in spanish_feed
    assert 'term="Cirugía"' in spanish_feed
    assert "Surgery" not in spanish_feed


def test_a_merged_topic_address_redirects_and_an_unknown_one_is_not_found(client, index):
    make_story(index, "Heart surgery", tags=["Surgery"])
    Topic.objects.filter(slug="surgery").update(former_slugs=["heart-surgery"])

    response = client.get("/en/stories/", {"tag": "heart-surgery", "storyteller": "staff"})
    assert response.status_code == 301
    assert response["Location"] == "/en/stories/?tag=surgery&storyteller=staff"
    response = client.get("/en/stories/tag/heart-surgery/feed/atom/")
    assert response.status_code == 301
    assert response["Location"] == "/en/stories/tag/surgery/feed/atom/"
    assert client.get(response["Location"]).status_code == 200

    assert client.get("/en/stories/", {"tag": "cardiac-rehab"}).status_code == 404
    assert client.get("/en/stories/tag/cardiac-rehab/feed/rss/").status_code == 404


def test_a_topic_change_starts_a_new_page_cache_generation(index):
    topic = topic_named("Surgery")
    before = current(page_cache())
    topic.name = "Surgery and theatres"
    topic.save()
    assert current(page_cache()) != before


def test_a_deleted_topic_leaves_stories_editable_and_publishable(client_for, admin_user, index):
    story = make_story(index, "Heart surgery", tags=["Surgery", "Nursing"])
    story.title = "Heart surgery, a year on"
    story.save_revision()  # a draft that names both topics
    Topic.objects.get(slug="nursing").delete()  # Communications retire a topic

    client = client_for(admin_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    response = client.get(edit_url)
    assert response.status_code == 200
    assert [topic.slug for topic in response.context["form"].initial["tags"]] == ["surgery"]

    story = StoryPage.objects.get(pk=story.pk)
    story.get_latest_revision().publish()
    story.refresh_from_db()
    assert (story.title, [t.slug for t in story.tags.all()]) == (
        "Heart surgery, a year on",
        ["surgery"],
    )
