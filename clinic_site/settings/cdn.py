"""Page cache and CDN settings from environment variables (README "Page cache and CDN").

Imported at the end of ``base.py``. The page cache needs a cache that every app server shares
(``REDIS_URL``): with per-process memory, a change made in one process would not reach the
pages cached by another, so it is off unless Redis is configured (or ``PAGECACHE_ENABLED``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = (env.get(name) or "").strip().lower()
    return default if not value else value in {"1", "true", "yes", "on"}


def cdn_settings(env: Mapping[str, str]) -> dict[str, Any]:
    """``PAGECACHE_*`` and ``WAGTAILFRONTENDCACHE`` for the given environment."""
    config: dict[str, Any] = {
        "PAGECACHE_ENABLED": _flag(env, "PAGECACHE_ENABLED", bool(env.get("REDIS_URL"))),
        "PAGECACHE_TIMEOUT": int(env.get("PAGECACHE_TIMEOUT") or 900),
        "PAGECACHE_MAX_AGE": int(env.get("PAGECACHE_MAX_AGE") or 60),
        "PAGECACHE_STALE_WHILE_REVALIDATE": int(env.get("PAGECACHE_STALE_WHILE_REVALIDATE") or 30),
        # Never looked up or stored, whatever the response says.
        "PAGECACHE_EXCLUDED_PATHS": (
            "/admin/",
            "/health/",
            "/documents/",
            "/private-documents/",
            "/storyteller/",
        ),
        # Always ``Cache-Control: private, no-store``.
        "PAGECACHE_PERSONAL_PATHS": ("/admin/", "/private-documents/", "/storyteller/"),
    }
    backends: dict[str, dict[str, Any]] = {}
    if env.get("FRONTEND_CACHE_PURGE_URL"):
        # Varnish, nginx or any cache that accepts HTTP PURGE requests.
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env["FRONTEND_CACHE_PURGE_URL"],
        }
    if env.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": env["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        }
    if env.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
        }
    config["WAGTAILFRONTENDCACHE"] = backends
    return config


globals().update(cdn_settings(os.environ))
