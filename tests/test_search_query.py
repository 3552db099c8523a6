"""Cleaning the reader's words and highlighting them safely (no database needed)."""

from __future__ import annotations

import pytest

from search.backend import LanguageAwarePostgresSearchBackend
from search.query import clean_text, highlight, reader_query, words


def test_clean_text_drops_invisible_and_control_characters():
    assert clean_text("knee\x00 \u202ereplacement\u200b\t\n ") == "knee replacement"
    assert clean_text("cafe\u0301") == "café"  # composed, so it matches the indexed text


def test_reader_query_is_capped_and_says_so():
    query = reader_query("x" * 250, max_length=200)
    assert query.shortened and len(query.text) == 200
    assert not reader_query("knee", max_length=200).shortened


def test_only_letters_and_digits_are_searched():
    assert words("knee & (hip | !shoulder):* 'x' \"y") == ("knee", "hip", "shoulder", "x", "y")
    assert words("🏥 type 1 diabetes — año") == ("type", "1", "diabetes", "año")
    assert words("مستشفى") == ("مستشفى",)
    assert words("&&& !!! 🩺") == ()
    assert reader_query("Knee  REPLACEMENT!", 200).search_string == "knee replacement"


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("Running again", ["run"], "<mark>Running</mark> again"),
        ("I went for a run", ["running"], "I went for a <mark>run</mark>"),
        ("Mi madre y el cáncer", ["cancer"], "Mi madre y el <mark>cáncer</mark>"),
        ("Corazón y corazones", ["corazones"], "<mark>Corazón</mark> y <mark>corazones</mark>"),
        ("The knee and the hip", ["the", "knee"], "The <mark>knee</mark> and the hip"),
        ("a <b>bold</b> knee", ["knee"], "a &lt;b&gt;bold&lt;/b&gt; <mark>knee</mark>"),
        (
            "<script>x</script>",
            ["script"],
            "&lt;<mark>script</mark>&gt;x&lt;/<mark>script</mark>&gt;",
        ),
        ("Tom & Jerry's ward", [], "Tom &amp; Jerry&#x27;s ward"),
    ],
)
def test_highlight_escapes_then_marks(text, terms, expected):
    assert highlight(text, terms) == expected


def test_language_configuration_follows_the_language_code():
    backend = LanguageAwarePostgresSearchBackend(
        {
            "SEARCH_CONFIG": "english_unaccent",
            "LANGUAGE_SEARCH_CONFIGS": {"en": "english_unaccent", "es": "spanish_unaccent"},
        }
    )
    assert backend.config_for_language("es") == "spanish_unaccent"
    assert backend.config_for_language("es-MX") == "spanish_unaccent"
    assert backend.config_for_language("fr") == "english_unaccent"
    assert backend.config_for_language(None) == "english_unaccent"
    assert backend.with_config("spanish_unaccent").config == "spanish_unaccent"
    assert backend.config == "english_unaccent"
