"""Search finds words as readers type them: "chemo" finds "chemotherapy" (PostgreSQL).

Words of three letters or more also match the words they begin, after the language's own
stemming and accent folding; one- and two-letter words match whole words only.
"""

from __future__ import annotations

import pytest

from search.backend import PREFIX_MIN_LENGTH, is_prefix
from tests.blog_factories import body, make_image, make_story, translate
from tests.search_support import KNEE, KNEE_STORY, results, search, story_index_with, story_titled

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres(reason="full-text search"),
]

CHEMO = "Chemotherapy on the day unit"
RUNNING = "Back to running after my heart attack"


@pytest.fixture
def stories(home_page):
    return story_index_with(
        home_page,
        {
            CHEMO: {
                "summary": "Six rounds, one nurse who remembered my name.",
                "byline": "Amira, day unit patient",
                "body": body("The oncology nurses made the long afternoons bearable."),
            },
            RUNNING: {
                "summary": "Cardiac rehabilitation, one lap at a time.",
                "byline": "Tom, cardiology patient",
                "body": body("I ran my first mile in the park a year after the ambulance."),
            },
            KNEE: KNEE_STORY,
        },
    )


def test_the_beginning_of_a_word_finds_the_whole_word(client, stories):
    assert results(client, q="chemo") == [CHEMO]
    assert results(client, q="Chemo") == [CHEMO]
    assert results(client, q="chemotherapy") == [CHEMO]
    assert results(client, q="oncol") == [CHEMO]  # in the body
    assert results(client, q="physio") == [KNEE]
    # Every word may be a beginning; all of them must still match.
    assert results(client, q="chemo nurs") == [CHEMO]
    assert results(client, q="chemo physio") == []


def test_stemming_still_finds_other_forms_of_a_word(client, stories):
    assert results(client, q="rehabilitating") == [RUNNING]
    assert results(client, q="nurse") == [CHEMO]
    assert results(client, q="climbed") == [KNEE]
    assert results(client, q="afternoon") == [CHEMO]


def test_a_beginning_in_the_title_ranks_above_one_in_the_body(client, stories):
    make_story(
        stories,
        "Questions we asked before treatment",
        image=make_image("Other hero"),
        body=body("We asked whether chemotherapy would hurt."),
    )
    assert results(client, q="chemo") == [CHEMO, "Questions we asked before treatment"]


def test_a_spanish_beginning_finds_the_spanish_story(client, stories, spanish):
    english = story_titled(stories, CHEMO)
    title = "Quimioterapia en el hospital de día"
    translate(
        english,
        spanish,
        title=title,
        summary="Seis ciclos y una enfermera que recordaba mi nombre.",
        text="Los oncólogos nos explicaron cada tratamiento.",
    )
    assert results(client, "es", q="quimio") == [title]
    assert results(client, "es", q="QUIMIOTERAPIA") == [title]
    assert results(client, "es", q="oncolo") == [title]  # "oncólogos", accent folded
    assert results(client, "es", q="enfermer") == [title]
    # Spanish stemming still applies to whole words: "tratamientos" finds "tratamiento".
    assert results(client, "es", q="tratamientos") == [title]
    # English readers do not see the Spanish page, Spanish readers not the English one.
    assert results(client, q="quimio") == []
    assert results(client, "es", q="chemo") == []


def test_one_and_two_letters_match_whole_words_only(client, stories):
    assert PREFIX_MIN_LENGTH == 3
    for short in ["c", "k", "ch", "kn", "x", "1"]:
        response = search(client, q=short)
        assert [item.title for item in response.context["items"]] == [], short
    assert results(client, q="che") == [CHEMO]
    assert results(client, q="kne") == [KNEE]
    # A long run of single letters is a normal, empty search.
    assert results(client, q=" ".join("abcdefghijklmnopqrstuvwxyz")) == []


def test_operator_characters_never_become_prefixes(client, stories):
    assert results(client, q="chemo:*") == [CHEMO]
    assert results(client, q="'chemo':* | !knee") == []  # "knee" is a required word
    assert results(client, q="(chemo) & (nurse)") == [CHEMO]
    assert results(client, q="*") == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("chemo", True),
        ("Quimio", True),
        ("médic", True),
        ("h1n1", True),
        ("ch", False),
        ("c", False),
        ("chemo:*", False),
        ("che'mo", False),
        ("knee&hip", False),
        ("under_score", False),
        ("", False),
    ],
)
def test_only_sanitised_words_of_three_letters_are_prefixes(word, expected):
    assert is_prefix(word) is expected
