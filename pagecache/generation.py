"""The site's content generation: one number in the shared cache that every change bumps.

Every cached page is stored with the generation that was current when its request started.
A page is served from the cache only while that generation is still current, so one bump
invalidates every cached page at once (home, listings, tag pages, feeds, search), exactly and
in every process that shares the cache. See README "Page cache".
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


def page_cache() -> BaseCache:
    return caches[getattr(settings, "PAGECACHE_CACHE_ALIAS", "default")]


def _fresh_value() -> int:
    # A lost counter (evicted, Redis flushed) restarts from the clock, never from a value an
    # older entry could still carry.
    return time.time_ns()


def current(cache: BaseCache | None = None) -> int | None:
    """The current generation, creating it when missing; None when the cache cannot keep it."""
    cache = cache or page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_value(), None)
        value = cache.get(GENERATION_KEY)
    return value


def bump() -> None:
    """Move to a new generation: every page cached before now is stale."""
    cache = page_cache()
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # no counter yet: any new value differs from every stored one
            cache.set(GENERATION_KEY, _fresh_value(), None)
    except Exception:
        # A cache that cannot be written cannot serve stale pages either (its reads fail too).
        logger.warning("page cache: could not bump the content generation", exc_info=True)


def bump_now_and_on_commit() -> None:
    """Bump at once, and again when the surrounding transaction commits.

    The second bump closes the race where a request renders the old content while the change
    is not yet committed and stores it under the generation the first bump made.
    """
    bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump)
