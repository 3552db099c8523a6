"""Promoted search results go through review too: only live pages, with their own text.

Through the admin's "Promoted search results" add and edit views over HTTP as Communications
(who curate promotions) and an administrator (who alone may link elsewhere or write text).
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import ModelLogEntry

from search.promotions import PROMOTION_REFUSED_ACTION
from tests.blog_factories import make_image, make_story, story_index
from tests.policy_fixtures import published_policy
from tests.search_support import search

pytestmark = pytest.mark.django_db

ADD_URL = reverse("wagtailsearchpromotions:add")
NHS = "https://www.nhs.uk/vaccinations/"


@pytest.fixture
def policy(home_page):
    return published_policy(home_page)


def promotion_data(words: str, *promotions: dict, initial: int = 0) -> dict[str, str]:
    """What the add/edit form posts: the words and one inline form per promotion."""
    data = {
        "query_string": words,
        "editors_picks-TOTAL_FORMS": str(len(promotions)),
        "editors_picks-INITIAL_FORMS": str(initial),
        "editors_picks-MIN_NUM_FORMS": "0",
        "editors_picks-MAX_NUM_FORMS": "1000",
    }
    for index, fields in enumerate(promotions):
        values = {"page": "", "external_link_url": "", "external_link_text": "", "description": ""}
        values.update({"ORDER": str(index + 1), "DELETE": ""}, **fields)
        data.update({f"editors_picks-{index}-{name}": value for name, value in values.items()})
    return data


def refusals() -> list[tuple[str, str, list[str]]]:
    return [
        (entry.user.username, entry.data["query"], entry.data["reasons"])
        for entry in ModelLogEntry.objects.filter(action=PROMOTION_REFUSED_ACTION)
    ]


def field_errors(response) -> dict[str, list[str]]:
    [form] = response.context["searchpicks_formset"].forms
    return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


def test_communications_cannot_promote_an_outside_link(comms, client_for):
    data = promotion_data(
        "vaccines", {"external_link_url": NHS, "external_link_text": "Vaccinations"}
    )
    response = client_for(comms).post(ADD_URL, data)

    assert response.status_code == 200
    errors = field_errors(response)
    assert errors["external_link_url"] == [
        "Only administrators can promote a link to another website: promote a page of this "
        "site instead."
    ]
    assert errors["external_link_text"] == [
        "Only administrators can write a promotion's link text."
    ]
    assert not SearchPromotion.objects.exists()
    [(who, words, reasons)] = refusals()
    assert (who, words, len(reasons)) == ("comms", "vaccines", 2)
    assert search(client_for(comms), q="vaccines").context["promoted_items"] == []


def test_communications_cannot_write_the_text_readers_see(policy, comms, client_for):
    data = promotion_data(
        "policy", {"page": str(policy.pk), "description": "Breaking: new rules for staff!"}
    )
    response = client_for(comms).post(ADD_URL, data)

    assert response.status_code == 200
    assert "Leave this empty." in field_errors(response)["description"][0]
    assert not SearchPromotion.objects.exists()
    assert refusals()[0][:2] == ("comms", "policy")


def test_communications_cannot_promote_a_page_that_is_not_live(
    home_page, author, comms, client_for
):
    story = make_story(home_page, author=author, live=False, title="A draft nobody reviewed")
    response = client_for(comms).post(ADD_URL, promotion_data("draft", {"page": str(story.pk)}))

    assert response.status_code == 200
    assert field_errors(response)["page"] == [
        "Only a live page can be promoted: this page is not published."
    ]
    assert not SearchPromotion.objects.exists()
    assert refusals()[0][2] == ["Only a live page can be promoted: this page is not published."]


def test_communications_promote_a_live_page_shown_with_its_own_summary(
    client, home_page, policy, comms, client_for
):
    stories = story_index(home_page)
    make_story(stories, "Social media and our nurses", image=make_image("Hero"))

    response = client_for(comms).post(
        ADD_URL, promotion_data("social media", {"page": str(policy.pk)})
    )
    assert response.status_code == 302
    assert refusals() == []

    client.logout()
    results = search(client, q="social media")
    [promoted] = results.context["promoted_items"]
    assert (promoted.title, promoted.url) == ("Social media policy", "/en/policy/social-media/")
    assert "How staff take part online safely." in str(promoted.summary)


def test_an_administrator_may_promote_an_outside_link(client, admin_user, client_for):
    data = promotion_data(
        "vaccines", {"external_link_url": NHS, "external_link_text": "Vaccinations (NHS)"}
    )
    assert client_for(admin_user).post(ADD_URL, data).status_code == 302

    client.logout()
    [promoted] = search(client, q="vaccines").context["promoted_items"]
    assert (promoted.title, promoted.url) == ("Vaccinations (NHS)", NHS)


def test_an_administrators_link_stays_while_communications_add_a_page_beside_it(
    policy, comms, client_for
):
    external = SearchPromotion.objects.create(
        query=Query.get("vaccines"),
        external_link_url=NHS,
        external_link_text="Vaccinations (NHS)",
        sort_order=0,
    )
    edit_url = reverse("wagtailsearchpromotions:edit", args=[external.query_id])
    kept = {
        "id": str(external.pk),
        "external_link_url": NHS,
        "external_link_text": "Vaccinations (NHS)",
    }
    client = client_for(comms)

    data = promotion_data("vaccines", kept, {"page": str(policy.pk)}, initial=1)
    assert client.post(edit_url, data).status_code == 302
    assert SearchPromotion.objects.filter(query=external.query).count() == 2

    changed = {**kept, "external_link_url": "https://example.com/miracle-cure"}
    data = promotion_data("vaccines", changed, initial=1)
    response = client.post(edit_url, data)
    assert response.status_code == 200
    external.refresh_from_db()
    assert external.external_link_url == NHS
    assert refusals()[0][:2] == ("comms", "vaccines")
