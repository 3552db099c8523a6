"""PostgreSQL full-text search: ranking, stemming per language, accent-insensitive matching.

SQLite's FTS5 (the demo) neither stems nor ranks by field weight, so these only run against
PostgreSQL, as CI does (DATABASE_URL=postgres://…).
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.blog_factories import body, make_image, make_story, story_index, translate
from tests.search_support import results

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres(reason="full-text search"),
]


@pytest.fixture
def image(db):
    return make_image("Shared hero")


@pytest.fixture
def stories(home_page):
    return story_index(home_page)


def test_title_match_ranks_above_summary_and_body_matches(client, stories, image):
    make_story(
        stories,
        "A long night on the ward",
        image=image,
        summary="Waiting for news.",
        body=body("The surgeon explained the knee operation twice."),
    )
    make_story(
        stories,
        "Waiting for surgery",
        image=image,
        summary="What a knee operation feels like.",
        body=body("We waited all morning."),
    )
    make_story(
        stories,
        "My new knee",
        image=image,
        summary="Walking again after surgery.",
        body=body("We waited all morning."),
    )

    assert results(client, q="knee") == [
        "My new knee",
        "Waiting for surgery",
        "A long night on the ward",
    ]
    # Several words: all must match, in any field; stop words are ignored.
    assert results(client, q="the knee surgeon") == ["A long night on the ward"]
    assert results(client, q="knee walking") == ["My new knee"]


def test_english_words_match_other_forms_of_the_word(client, stories, image):
    make_story(stories, "First run after the operation", image=image)
    make_story(stories, "Recovery takes time", image=image)

    assert results(client, q="running") == ["First run after the operation"]
    assert results(client, q="recoveries") == ["Recovery takes time"]


def test_accents_are_ignored_in_english(client, stories, image):
    make_story(stories, "Coffee at the hospital café", image=image)
    assert results(client, q="cafe") == ["Coffee at the hospital café"]


def test_spanish_pages_are_stemmed_as_spanish_and_accents_ignored(client, stories, image, spanish):
    english = make_story(stories, "Breast cancer and my mother", image=image)
    translate(
        english,
        spanish,
        title="Mi madre y el cáncer de mama",
        summary="Los médicos nos explicaron cada tratamiento.",
        text="Mi madre caminaba cada mañana por el hospital.",
    )

    title = "Mi madre y el cáncer de mama"
    assert results(client, "es", q="cancer") == [title]
    assert results(client, "es", q="CÁNCER") == [title]
    assert results(client, "es", q="medico") == [title]
    assert results(client, "es", q="tratamientos") == [title]
    # Spanish stemming, not English: "caminar" and "caminaba" share the stem "camin".
    assert results(client, "es", q="caminar") == [title]
    assert results(client, "es", q="manana") == [title]

    # A full rebuild indexes each page with its own language's configuration again.
    call_command("update_index", verbosity=0)
    assert results(client, "es", q="caminar") == [title]
    assert results(client, q="mothering") == ["Breast cancer and my mother"]


def test_operator_syntax_is_searched_as_words(client, stories, image):
    make_story(stories, "Hip and knee clinic", image=image)
    assert results(client, q="knee & (hip | !shoulder):*") == []  # "shoulder" is required too
    assert results(client, q="'knee':* & 'hip'") == ["Hip and knee clinic"]
    assert results(client, q='"hip knee') == ["Hip and knee clinic"]
