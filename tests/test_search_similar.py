"""A search that finds nothing shows pages with similar words ("kneee" -> "knee"), and says so.

Wagtail's fuzzy search on titles, over the trigram index of ``search/0003`` (PostgreSQL only).
"""

from __future__ import annotations

import pytest

from tests.blog_factories import body, translate
from tests.search_support import KNEE, KNEE_STORY, results, search, story_index_with, story_titled

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres(reason="similar titles (pg_trgm)"),
]

HEART = "Cardiology ward at night"


@pytest.fixture
def stories(home_page):
    return story_index_with(
        home_page,
        {
            KNEE: KNEE_STORY | {"storyteller_type": "patient"},
            HEART: {
                "summary": "Monitors, tea and quiet voices.",
                "byline": "Sam, staff nurse",
                "body": body("Every bed beeps in its own rhythm after midnight."),
            },
        },
    )


def test_a_misspelt_word_shows_pages_with_similar_words(client, stories):
    response = search(client, q="kneee")
    assert [item.title for item in response.context["items"]] == [KNEE]
    assert response.context["similar"] is True
    html = " ".join(response.content.decode().split())
    assert 'No results for <bdi class="search-query">kneee</bdi>. 1 result with similar words' in (
        html
    )
    assert results(client, q="cardiolgy") == [HEART]


def test_similar_words_are_looked_for_in_titles_only(client, stories):
    # "physiotherapist" is only in a story's body: comparing every body costs too much time.
    response = search(client, q="physiotherapst")
    assert response.context["items"] == [] and response.context["similar"] is False


def test_words_that_match_show_only_their_own_results(client, stories):
    response = search(client, q="knee")
    assert [item.title for item in response.context["items"]] == [KNEE]
    assert response.context["similar"] is False
    assert "with similar words" not in response.content.decode()


def test_nothing_similar_still_shows_the_empty_page(client, stories):
    for words in ["xylophone", "zzzz", "quantum chromodynamics"]:
        response = search(client, q=words)
        assert response.context["items"] == [], words
        assert response.context["similar"] is False
        assert "No results for" in response.content.decode()


def test_short_words_never_look_for_similar_ones(client, stories):
    # "kne" is a prefix of "knee"; "kn" and "kx" are too short to be anything but noise.
    assert results(client, q="kne") == [KNEE]
    for words in ["kx", "kn", "knx"]:
        response = search(client, q=words)
        assert response.context["items"] == [] and response.context["similar"] is False


def test_similar_words_keep_the_filters_and_the_language(client, stories, spanish):
    assert results(client, q="kneee", storyteller="staff") == []
    assert results(client, q="kneee", storyteller="patient") == [KNEE]
    english = story_titled(stories, KNEE)
    title = "Una rodilla nueva a los setenta"
    translate(english, spanish, title=title, text="La fisioterapeuta me hizo subir escaleras.")
    assert results(client, q="kneee") == [KNEE]
    response = search(client, "es", q="rrodilla")
    assert [item.title for item in response.context["items"]] == [title]
    html = " ".join(response.content.decode().split())
    assert "1 resultado con palabras parecidas" in html
