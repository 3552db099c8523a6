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
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.postgres.search import SearchVectorExact
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.utils import translation
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as database_search_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.query import PlainText


class LanguageAwareQueryCompiler(PostgresSearchQueryCompiler):
    """Parse the reader's words with the configuration of the language they are reading in.

    Wagtail filters on ``title || body @@ query``: the concatenation cannot use the GIN
    indexes on ``title`` and ``body``, so every entry is read and joined. For plain words this
    first keeps the entries where any word is in the title or the body (``title @@ any OR
    body @@ any``, answered from the indexes) and applies Wagtail's exact condition only to
    those, and only when there is more than one word (for one word the two are the same).
    Ranking is Wagtail's, unchanged.
    """

    def get_config(self, backend: LanguageAwarePostgresSearchBackend) -> str | None:
        return backend.config_for_language(translation.get_language())

    def search(self, config, start, stop, score_field=None, backend=None):
        if not isinstance(self.query, PlainText) or self.fields is not None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        exact = self.build_tsquery(self.query, config=config)
        if exact is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        any_word = self.build_tsquery(
            PlainText(self.query.query_string, operator="or"), config=config
        )
        title, body = F("index_entries__title"), F("index_entries__body")
        queryset = self.queryset.alias(
            _any_word_=ExpressionWrapper(
                Q(SearchVectorExact(title, any_word)) | Q(SearchVectorExact(body, any_word)),
                output_field=BooleanField(),
            )
        ).filter(_any_word_=True)
        if len(re.split(r"[\s\-]+", self.query.query_string.strip())) > 1:
            queryset = queryset.alias(_vector_=title._combine(body, "||", False)).filter(
                _vector_=exact
            )
        vectors = self.get_index_vectors(exact)
        rank_expression = self._build_rank_expression(vectors, config)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


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


def SearchBackend(params: dict[str, Any]):
    """Language-aware on PostgreSQL; Wagtail's own database backend everywhere else."""
    if connection.vendor == "postgresql":
        return LanguageAwarePostgresSearchBackend(params)
    return database_search_backend(params)
