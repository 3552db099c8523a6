"""What a reader typed, made safe to search with, and the words to highlight in a summary.

Nothing here touches the database. The reader's text is cleaned once (control and formatting
characters removed, Unicode composed, length capped); only its words (letters and digits) are
ever handed to the search backend, so operator syntax (``& | ! :* ( "``) never reaches
PostgreSQL's tsquery parser or SQLite's FTS5 MATCH grammar.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Control (Cc), format (Cf: bidi overrides, zero-width), surrogate (Cs) and private-use (Co).
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co"}
_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")

# Short, very common words that PostgreSQL ignores as stop words; never highlighted.
_STOP_WORDS = (
    "the and for with was were are you your our that this from have has had but not his her "
    "its they them what when who how all can una uno unos unas los las del con por para que "
    "como mas pero sus les este esta"
)
_NOT_HIGHLIGHTED = frozenset(_STOP_WORDS.split())
_SUFFIXES = ("ingly", "ing", "edly", "ed", "iones", "es", "s")


@dataclass(frozen=True)
class ReaderQuery:
    """The cleaned query: ``text`` is echoed back, ``terms`` are searched."""

    text: str
    terms: tuple[str, ...]
    shortened: bool = False

    @property
    def search_string(self) -> str:
        """The words joined by spaces; also the key for promotions and hit counts."""
        return " ".join(self.terms).lower()


def clean_text(value: str) -> str:
    """Compose accents (NFC), drop invisible/control characters, collapse whitespace."""
    value = unicodedata.normalize("NFC", value or "")
    value = "".join(ch for ch in value if unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    return _SPACES.sub(" ", value).strip()


def words(text: str) -> tuple[str, ...]:
    """Runs of letters and digits; punctuation, operators and emoji separate or vanish."""
    return tuple(_WORD.findall(text))


def reader_query(raw: str, max_length: int) -> ReaderQuery:
    """Clean the reader's text and cap it at ``max_length`` characters."""
    text = clean_text(raw)
    shortened = len(text) > max_length
    if shortened:
        text = text[:max_length].rstrip()
    return ReaderQuery(text=text, terms=words(text), shortened=shortened)


def _fold(word: str) -> str:
    """Lower case without accents, so "Cáncer" and "cancer" compare equal."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _stem(word: str) -> str:
    """A light stem ("running" -> "run", "corazones" -> "corazon") for highlighting only."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def highlight(text: str, terms: Iterable[str]) -> SafeString:
    """Escape ``text`` and wrap the words that match a search term in ``<mark>``.

    The text is split into words on the raw string; every piece is escaped on its own and only
    the ``<mark>`` tags added here are markup, so nothing the author or reader wrote can become
    HTML. Matching is approximate (accent-insensitive prefix of a light stem); the ranking
    itself is PostgreSQL's.
    """
    stems = {
        _stem(folded)
        for folded in (_fold(term) for term in terms)
        if len(folded) >= 3 and folded not in _NOT_HIGHLIGHTED
    }
    if not text:
        return mark_safe("")
    if not stems:
        return escape(text)
    pieces: list[str] = []
    position = 0
    for match in _WORD.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        word = match.group()
        if any(_fold(word).startswith(stem) for stem in stems):
            pieces.append(format_html("<mark>{}</mark>", word))
        else:
            pieces.append(escape(word))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece escaped above
