"""Settings for the test suite: PostgreSQL when DATABASE_URL is set, SQLite otherwise."""

from .base import *

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105 - never used outside the test suite
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache needs a shared cache; its own tests switch it on (tests/test_performance_*).
PAGECACHE_ENABLED = False
WAGTAILFRONTENDCACHE = {}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"
WHITENOISE_USE_FINDERS = True
if "demo" not in INSTALLED_APPS:
    INSTALLED_APPS.append("demo")  # the demo's own tests and the fixtures that seed it
