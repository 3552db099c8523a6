"""Promoted results: editors' picks for a query come first, in the reader's language."""

from __future__ import annotations

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.blog_factories import make_image, make_story, story_index, translate
from tests.policy_fixtures import published_policy
from tests.search_support import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(home_page):
    return published_policy(home_page)


def promote(words: str, **fields) -> SearchPromotion:
    return SearchPromotion.objects.create(query=Query.get(words), sort_order=0, **fields)


def titles(items) -> list[str]:
    return [item.title for item in items]


def test_promoted_page_comes_first_and_is_not_repeated(client, home_page, policy):
    stories = story_index(home_page)
    make_story(stories, "Social media and our nurses", image=make_image("Hero"))
    promote("social media", page=policy, description="Read this before you post about work.")

    response = search(client, q="Social-Media!")
    html = response.content.decode()

    assert titles(response.context["promoted_items"]) == ["Social media policy"]
    assert titles(response.context["items"]) == ["Social media and our nurses"]
    assert html.index("Recommended") < html.index("Social media and our nurses")
    assert "Read this before you post about work." in html


def test_promotions_follow_the_readers_language(client, home_page, policy, spanish):
    promote("policy", page=policy)
    translate(
        policy,
        spanish,
        title="Política de redes sociales",
        summary="Cómo participa el personal en internet de forma segura.",
    )

    english = search(client, q="policy")
    spanish_page = search(client, "es", q="policy")

    assert titles(english.context["promoted_items"]) == ["Social media policy"]
    assert titles(spanish_page.context["promoted_items"]) == ["Política de redes sociales"]
    assert "Cómo participa el personal" in spanish_page.content.decode()


def test_promotion_of_a_page_that_is_not_live_is_not_shown(client, home_page, policy):
    promote("policy", page=policy)
    policy.unpublish()
    assert search(client, q="policy").context["promoted_items"] == []


def test_external_promotion_is_shown_escaped(client, home_page):
    promote(
        "vaccines",
        external_link_url="https://www.nhs.uk/vaccinations/",
        external_link_text="Vaccinations <NHS>",
    )
    html = search(client, q="vaccines").content.decode()
    assert 'href="https://www.nhs.uk/vaccinations/"' in html
    assert "Vaccinations &lt;NHS&gt;" in html


def test_demo_promotes_the_policy_for_social_media_and_policy(seeded_demo, client):
    # seed_demo run twice keeps one promotion per query: tests/test_demo_seed.py counts them.

    for words in ("social media", "policy"):
        promoted = search(client, q=words).context["promoted_items"]
        assert [item.url for item in promoted] == ["/en/policy/social-media/"], words
        assert SearchPromotion.objects.filter(query__query_string=words).count() == 1
