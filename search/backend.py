"""Wagtail's database search backend, stemming each page in its own language on PostgreSQL.

Wagtail's PostgreSQL backend keeps one index table (``IndexEntry``) and one text search
configuration (``SEARCH_CONFIG``). Two backends ("default" English, "es" Spanish) would both
write to that same table, the last one overwriting the other's vectors, so instead this backend
picks the configuration per page when indexing (from the page's locale) and per request when
searching (from the active language). Settings::

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "english_unaccent",
        "LANGUAGE_SEARCH_CONFIGS": {"en": "english_unaccent", "es": "spanish_unaccent"},
    }}

On SQLite (the demo) and other databases it hands over to Wagtail's database backend unchanged.
"""

from __future__ import annotations

import copy
import operator
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import reduce
from typing import Any

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Func, IntegerField, Q
from django.db.models.lookups import Exact
from django.utils import translation
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database import SearchBackend as database_search_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.backends.database.postgres.query import Lexeme
from wagtail.search.query import Fuzzy, PlainText


class NumNode(Func):
    """PostgreSQL's numnode(tsquery): 0 when the words were all stop words."""

    function = "numnode"
    output_field = IntegerField()


# Words shorter than this match whole words only; longer ones also match as prefixes.
PREFIX_MIN_LENGTH = 3
# A search that found nothing looks for similar words only from this many letters on.
FUZZY_MIN_LENGTH = 4
_LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")


def is_prefix(word: str) -> bool:
    """Whether a reader's word is searched as a prefix: letters and digits, long enough."""
    return len(word) >= PREFIX_MIN_LENGTH and _LETTERS_AND_DIGITS.fullmatch(word) is not None


class LanguageAwareQueryCompiler(PostgresSearchQueryCompiler):
    """Parse the reader's words with the configuration of the language they are reading in.

    Wagtail filters on ``title || body @@ query``: the concatenation cannot use the GIN
    indexes on ``title`` and ``body``, so every entry is read and concatenated. For plain words
    this asks the same thing one word at a time: each word is in the title or in the body
    (``title @@ word OR body @@ word``), which PostgreSQL answers from the indexes. A stop word
    ("the") is ignored, as Wagtail's query ignores it: its ``numnode(word) = 0`` is constant,
    so the planner drops the condition.

    Each word of at least ``PREFIX_MIN_LENGTH`` letters also matches the words it begins
    ("chemo" finds "chemotherapy"): it is sent as ``'word':*``, which PostgreSQL first passes
    through the language's configuration (accents removed, stemmed) and then matches against
    every indexed stem starting with the result, from the same GIN indexes. Shorter words
    ("a", "ct") match whole words only, so one letter never matches half the index. Only words
    made of letters and digits become prefixes. Ranking uses the same words and prefixes.
    """

    def get_config(self, backend: LanguageAwarePostgresSearchBackend) -> str | None:
        return backend.config_for_language(translation.get_language())

    def search(self, config, start, stop, score_field=None, backend=None):
        words = []
        if isinstance(self.query, PlainText) and self.fields is None:
            words = [word for word in re.split(r"[\s\-]+", self.query.query_string) if word]
        if not words:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        title, body = F("index_entries__title"), F("index_entries__body")
        lexemes = [Lexeme(word, prefix=is_prefix(word)) for word in words]
        word_queries = [SearchQuery(lexeme, search_type="raw", config=config) for lexeme in lexemes]
        found = [
            Q(SearchVectorExact(title, query))
            | Q(SearchVectorExact(body, query))
            | Q(Exact(NumNode(query), 0))
            for query in word_queries
        ]
        if self.query.operator == "or":
            found = [reduce(operator.or_, found)]
        queryset = self.queryset.alias(
            **{
                f"_word_{number}_": ExpressionWrapper(condition, output_field=BooleanField())
                for number, condition in enumerate(found)
            }
        ).filter(**{f"_word_{number}_": True for number in range(len(found))})
        connector = operator.or_ if self.query.operator == "or" else operator.and_
        ranked = SearchQuery(reduce(connector, lexemes), search_type="raw", config=config)
        rank_expression = reduce(
            operator.add,
            (
                SearchRank(vector, ranked, weights=self.sql_weights) * weight
                for vector, weight in self.get_index_vectors(ranked)
            ),
        )
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    def _build_fuzzy_queryset(self, config, backend):
        """Pages whose title has a word spelled like the reader's words, most similar first.

        Wagtail's fuzzy search scores the title and the body of every index entry. pg_trgm's
        ``%>`` (word similarity of at least ``pg_trgm.word_similarity_threshold``, 0.6 by
        default) is answered from the title's trigram index (``search/0003``) in a few
        milliseconds; comparing bodies took 100-250 ms over 5,000 stories, so titles only.
        """
        words = self.query.query_string
        title = F("index_entries__title_text")
        queryset = self.queryset.alias(
            _similar_=ExpressionWrapper(Q(TrigramWordSimilar(title, words)), BooleanField()),
            _fuzzy_similarity=TrigramWordSimilarity(words, title),
        ).filter(_similar_=True)
        return queryset, F("_fuzzy_similarity")


class LanguageAwarePostgresIndex(PostgresIndex):
    """Index each object with the configuration of its locale's language."""

    def add_items(self, model: type, objs: Iterable[Any]) -> None:
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_config: dict[str | None, list[Any]] = defaultdict(list)
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            by_config[self.backend.config_for_language(language)].append(obj)
        for config, group in by_config.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LanguageAwarePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LanguageAwareQueryCompiler
    index_class = LanguageAwarePostgresIndex

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.language_configs: dict[str, str] = dict(params.get("LANGUAGE_SEARCH_CONFIGS", {}))

    def config_for_language(self, language_code: str | None) -> str | None:
        """The configuration for a language code ("es", "es-mx"), else SEARCH_CONFIG."""
        if language_code:
            for code in (language_code.lower(), language_code.split("-")[0].lower()):
                if code in self.language_configs:
                    return self.language_configs[code]
        return self.config

    def with_config(self, config: str | None) -> LanguageAwarePostgresSearchBackend:
        """A copy of this backend that indexes with one fixed configuration."""
        clone = copy.copy(self)
        clone.config = config
        return clone


def similar_words_query(search_string: str) -> Fuzzy | None:
    """Wagtail's fuzzy query for words that found nothing ("kneee"), where it can help.

    None on other backends (SQLite) and for fewer than ``FUZZY_MIN_LENGTH`` letters, which
    are like too many words to suggest anything.
    """
    if len(search_string.replace(" ", "")) < FUZZY_MIN_LENGTH:
        return None
    if not isinstance(get_search_backend(), LanguageAwarePostgresSearchBackend):
        return None
    return Fuzzy(search_string)


def SearchBackend(params: dict[str, Any]):
    """Language-aware on PostgreSQL; Wagtail's own database backend everywhere else."""
    if connection.vendor == "postgresql":
        return LanguageAwarePostgresSearchBackend(params)
    return database_search_backend(params)
