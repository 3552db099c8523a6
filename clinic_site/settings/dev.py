"""Local development: DEBUG on, console mail, an embedded SQLite database unless DATABASE_URL."""

import os

from .base import *

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-not-for-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WHITENOISE_USE_FINDERS = True
# runserver opens a connection per request thread: kept connections exhaust PostgreSQL's.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "0"))
# `make demo` signs the demo users in with their password alone (README "Security").
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", False)
if "demo" not in INSTALLED_APPS:
    INSTALLED_APPS.append("demo")  # seed_demo and generate_stories (README "Configuration")
