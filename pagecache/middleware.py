"""Anonymous page cache and cache headers for readers' pages.

Placed after the security middleware and before the session middleware, so a cached page is
answered without touching the session, the database or a template. What is cached, and what
makes a request or a response personal, is decided here and nowhere else:

* only GET/HEAD requests for language-prefixed addresses (``/en/…``, ``/es/…``) that carry no
  session, CSRF or messages cookie and no ``Authorization`` header are looked up;
* only 200 responses to such requests, for an anonymous reader, that set no cookie, carry no
  CSRF token or form that posts, are not previews and did not ask for ``private``/``no-store``
  are stored;
* personal responses (signed-in users, the admin, previews, anything that sets a cookie or
  carries a form token) get ``Cache-Control: private, no-store`` so no CDN or browser keeps them.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path

from pagecache import generation

logger = logging.getLogger(__name__)

CACHE_HEADER = "X-Page-Cache"
# A CSRF token, or any form that posts: such forms carry per-reader tokens (the comment form's
# signed timer), which must never be shared between readers.
FORM_TOKEN_MARKERS = re.compile(rb"csrfmiddlewaretoken|<form\b[^>]*\bmethod=[\"']?post", re.I)
PERSONAL = "private, no-store"
SHAREABLE_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml")
NEVER_SHARED_DIRECTIVES = ("private", "no-store", "no-cache")


def _setting(name: str, default):
    return getattr(settings, name, default)


def bypass_cookies() -> tuple[str, ...]:
    """Cookies that mean the reader may see something personal (session, form token, messages)."""
    return (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages")


def request_is_shareable(request: HttpRequest) -> bool:
    """A request whose answer could be the same for every anonymous reader."""
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if any(name in request.COOKIES for name in bypass_cookies()):
        return False
    path = request.path_info
    if any(path.startswith(prefix) for prefix in _setting("PAGECACHE_EXCLUDED_PATHS", ())):
        return False
    return bool(get_language_from_path(path))


def _is_personal(request: HttpRequest, response: HttpResponseBase) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if getattr(request, "is_preview", False) or response.cookies:
        return True
    if request.path_info.startswith(_setting("PAGECACHE_PERSONAL_PATHS", ("/admin/",))):
        return True
    return not response.streaming and FORM_TOKEN_MARKERS.search(response.content) is not None


def _response_is_shareable(response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if content_type not in SHAREABLE_TYPES:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(directive in cache_control for directive in NEVER_SHARED_DIRECTIVES)


def cache_key(request: HttpRequest) -> str:
    """Host, scheme, path, query string, language and today's date (dates shown on pages)."""
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        get_language_from_path(request.path_info) or "",
        timezone.localdate().isoformat(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:page:{digest}"


def public_cache_control() -> str:
    max_age = _setting("PAGECACHE_MAX_AGE", 60)
    stale = _setting("PAGECACHE_STALE_WHILE_REVALIDATE", 30)
    return f"public, max-age={max_age}, stale-while-revalidate={stale}"


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        shareable = request_is_shareable(request)
        key = current = None
        if shareable and _setting("PAGECACHE_ENABLED", False):
            key = cache_key(request)
            try:
                current, entry = self._fetch(key)
            except Exception:
                logger.warning("page cache: lookup failed, serving uncached", exc_info=True)
                key = None
            else:
                if entry is not None:
                    return self._from_entry(entry)

        response = self.get_response(request)

        if _is_personal(request, response):
            response["Cache-Control"] = PERSONAL
            return response
        if not (shareable and _response_is_shareable(response)):
            return response
        response["Cache-Control"] = public_cache_control()
        patch_vary_headers(response, ("Cookie",))
        if key is not None and current is not None and request.method == "GET":
            self._store(key, current, response)
            response[CACHE_HEADER] = "miss"
        return response

    @staticmethod
    def _fetch(key: str) -> tuple[int | None, dict | None]:
        """The current generation and the entry for ``key`` if it belongs to it: one round trip."""
        cache = generation.page_cache()
        found = cache.get_many([generation.GENERATION_KEY, key])
        current = found.get(generation.GENERATION_KEY)
        if current is None:
            return generation.current(cache), None
        entry = found.get(key)
        if entry is not None and entry.get("generation") == current:
            return current, entry
        return current, None

    @staticmethod
    def _store(key: str, current: int, response: HttpResponseBase) -> None:
        entry = {
            "generation": current,
            "headers": [(name, value) for name, value in response.items() if name != CACHE_HEADER],
            "content": response.content,
        }
        try:
            generation.page_cache().set(key, entry, _setting("PAGECACHE_TIMEOUT", 900))
        except Exception:
            logger.warning("page cache: could not store a page", exc_info=True)

    @staticmethod
    def _from_entry(entry: dict) -> HttpResponse:
        response = HttpResponse(entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        response[CACHE_HEADER] = "hit"
        return response
