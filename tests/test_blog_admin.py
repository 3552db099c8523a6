"""The editor's side: every blog page type opens in the admin and a story can be written there."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blog.models import StoryPage
from tests.blog_factories import (
    make_image,
    make_story,
    make_video,
    story_index,
    topic_named,
    video_form_data,
    video_index,
)

pytestmark = pytest.mark.django_db


def test_every_blog_page_type_opens_in_the_editor(client_for, admin_user, home_page):
    client = client_for(admin_user)
    stories, videos = story_index(home_page), video_index(home_page)
    pages = [home_page, stories, videos, make_story(stories), make_video(videos)]
    for page in pages:
        response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, page
    for model, parent in (("storypage", stories), ("videopage", videos)):
        response = client.get(reverse("wagtailadmin_pages:add", args=("blog", model, parent.pk)))
        assert response.status_code == 200, model
    html = client.get(reverse("wagtailadmin_pages:edit", args=(pages[3].pk,))).content.decode()
    # The consent record has its own tab (the admin menu's "Consent records" is on every page).
    soup = BeautifulSoup(html, "html.parser")
    tab = soup.find(id="tab-label-consent")
    assert tab is not None and tab["role"] == "tab"
    assert tab.get_text(strip=True).startswith("Consent")  # then its error count, "()"
    assert soup.find(id="tab-consent").find(attrs={"name": "consent_record"}) is not None


def story_form(image, **overrides) -> dict:
    data = {
        "title": "Walking again",
        "slug": "walking-again",
        "summary": "After a knee replacement, a gardener kneels in her vegetable patch again.",
        "storyteller_type": "staff",
        "byline": "Rosa",
        "hero_image": image.pk,
        "hero_alt": "Tomato plants in a raised bed",
        "body": streamfield(
            [
                ("text", rich_text("<p>For five years my knee decided how my day would go.</p>")),
                (
                    "pull_quote",
                    {"quote": "They did not let me off one exercise.", "attribution": "Rosa"},
                ),
            ]
        ),
        "consent_record": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    # Topics are ticked boxes: one value per chosen topic.
    return {"tags": [topic_named("surgery").pk, topic_named("rehabilitation").pk]} | (
        nested_form_data(data)
    )


def test_an_editor_writes_and_publishes_a_story(client_for, admin_user, home_page):
    client = client_for(admin_user)
    index = story_index(home_page)
    add_url = reverse("wagtailadmin_pages:add", args=("blog", "storypage", index.pk))
    image = make_image("Garden")

    response = client.post(add_url, story_form(image, hero_alt="", summary="x" * 301))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"hero_alt", "summary"}
    assert "at most 300 characters" in errors["summary"][0]

    assert client.post(add_url, story_form(image)).status_code == 302
    story = StoryPage.objects.get(slug="walking-again")
    assert story.live
    assert sorted(story.tags.names()) == ["rehabilitation", "surgery"]
    assert story.reading_minutes == 1
    assert client.get(story.url).status_code == 200


def test_editors_can_preview_a_new_and_an_existing_story(client_for, admin_user, home_page):
    client = client_for(admin_user)
    index = story_index(home_page)
    image = make_image("Garden")
    form = story_form(image)
    new_url = reverse("wagtailadmin_pages:preview_on_add", args=("blog", "storypage", index.pk))
    assert client.post(new_url, form).json()["is_valid"]
    preview = client.get(new_url)
    assert preview.status_code == 200
    assert "For five years my knee decided how my day would go." in preview.content.decode()

    story = make_story(index, "Existing story")
    edit_url = reverse("wagtailadmin_pages:preview_on_edit", args=(story.pk,))
    assert client.post(edit_url, story_form(image, slug=story.slug)).json()["is_valid"]
    assert "Walking again" in client.get(edit_url).content.decode()


def test_editors_can_preview_a_new_video(client_for, admin_user, home_page):
    client = client_for(admin_user)
    index = video_index(home_page)
    url = reverse("wagtailadmin_pages:preview_on_add", args=("blog", "videopage", index.pk))
    assert client.post(url, video_form_data(make_image("Still"))).json()["is_valid"]
    preview = client.get(url)
    assert preview.status_code == 200
    assert "Hello from the ward." in preview.content.decode()
