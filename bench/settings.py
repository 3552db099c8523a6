"""Settings of the page benchmark only: production settings plus a trivial view beside the pages.

``make bench`` serves the site with these so the trivial view (the ceiling: Django, the same
middleware and gunicorn, no page) is measured in the same run as the pages. With
``BENCH_UNCACHED=1`` every cache is Django's DummyCache: no page cache, no fragment or rendition
cache, each request renders the page from the database.
"""

import os

from clinic_site.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

if os.environ.get("BENCH_UNCACHED") == "1":
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in CACHES  # noqa: F405
    }
