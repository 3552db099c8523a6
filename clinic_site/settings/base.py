"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import email_settings, env_bool, env_list

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "blog",
    "policy",
    "search",
    "private_media",
    "workflow",
    "moderation",  # what the comment and mention queues share
    "comments",
    "mentions",
    "accounts",
    "pagecache",
    "operations",
    "translations",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]
# Demo content and benchmark data (the `demo` app: seed_demo, generate_stories) are installed
# by the dev and test settings, elsewhere only with CLINIC_DEMO_APPS=1; production refuses them.
if env_bool("CLINIC_DEMO_APPS", False):
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    # JSON request log with a request id (production): first, so it times every answer.
    "clinic_site.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy (settings/edge.py): outside the page
    # cache, so cached pages always carry the current policy.
    "clinic_site.csp.ClinicCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page cache and Cache-Control: before the session, so a hit never loads one.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in (settings/accounts.py): every /admin/ page asks for the code.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Routes a page address in two queries just before Wagtail's view (blog/serving.py).
    "blog.serving.RouteInTwoQueriesMiddleware",
    # Webmention endpoint advertised in a Link header on story pages (mentions app).
    "mentions.middleware.WebmentionLinkMiddleware",
    # Login lockout answer (django-axes): last, as axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "clinic_site.wsgi.application"

# An embedded SQLite file is the zero-setup default; production and CI set DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# PostgreSQL plans each query once per connection instead of on every request: parameters are
# sent apart from the SQL (server-side binding) so psycopg can prepare a statement it has run
# DB_PREPARE_THRESHOLD times (planning the page-routing query cost PostgreSQL about 2 ms per
# page). Set DB_PREPARED_STATEMENTS=false behind a transaction-pooling PgBouncer older than 1.21.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DB_PREPARED_STATEMENTS", True
):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True,
        prepare_threshold=int(os.environ.get("DB_PREPARE_THRESHOLD", "5")),
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Password rules, two-factor sign-in and login lockout: settings/accounts.py.

# Cache: Redis when REDIS_URL is set (shared by every app server), else per-process memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "clinic"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Internationalisation: English is the source language, Spanish the first translation.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# STORAGES (local disk or S3, private documents) is built in storage.py, imported at the end.

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Mail: EMAIL_URL (smtp://user:pass@host:587?tls=1, console://, locmem://) or console.
globals().update(email_settings(os.environ.get("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Clinic Stories <stories@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Clinic Stories"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Search: Wagtail's database backend; on PostgreSQL each page is stemmed in its own language
# with accents folded (configurations created by search/migrations). See README "Search".
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "english_unaccent",
        "LANGUAGE_SEARCH_CONFIGS": {"en": "english_unaccent", "es": "spanish_unaccent"},
    }
}
# Promotions and daily hit counts keep query words only, never who searched or from where.
WAGTAILSEARCH_HITS_MAX_AGE = 30
SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt", "rtf", "png", "jpg", "jpeg"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Editing a page in the middle of review sends it back to the first task, so what is
# published is exactly what both reviewers approved.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Communications holds no publish permission: finishing the review publishes on its own authority.
WAGTAIL_FINISH_WORKFLOW_ACTION = "workflow.finish.publish_approved_revision"
# The storyteller's approval link (README "Storyteller approval"): days it works, and requests
# per client address in the window before it answers 429.
STORYTELLER_LINK_DAYS = int(os.environ.get("STORYTELLER_LINK_DAYS", "14"))
STORYTELLER_RATE_LIMIT = int(os.environ.get("STORYTELLER_RATE_LIMIT", "30"))
STORYTELLER_RATE_WINDOW_SECONDS = 600
# Translations are created as drafts and go through the same review, never live on creation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Reviews that stall (README "Reviews that stall"): working days (Monday to Friday) each review
# stage has from its start, by task name or model label ("workflow.ClinicalReviewTask"); stages
# not listed get the default. Communications leads are told REVIEW_ESCALATE_AFTER working days
# after the due time: REVIEW_ESCALATION_EMAILS (comma-separated), else every Communications member.
REVIEW_TASK_DUE = {"Clinical review": 3, "Communications sign-off": 2}
REVIEW_TASK_DUE_DEFAULT = 3
REVIEW_ESCALATE_AFTER = 2
REVIEW_ESCALATION_EMAILS = [
    address.strip()
    for address in os.environ.get("REVIEW_ESCALATION_EMAILS", "").split(",")
    if address.strip()
]

# Scheduled jobs (README "Operations"): run by `manage.py run_scheduler`, in this order, each
# when its interval (seconds) has passed or its last run failed. Jobs sharing a lock never run
# at the same time: consent is enforced before scheduled pages go live.
SCHEDULED_JOBS = {
    "enforce_consent": {"every": 3600, "lock": "publishing"},
    "publish_scheduled": {"every": 60, "lock": "publishing"},
    "policy_review_reminders": {"every": 86400},
    "purge_comment_fingerprints": {"every": 86400},
    "searchpromotions_garbage_collect": {"every": 86400},
    # Reviews past their due time: daily reminder to the stage's group, escalation to leads.
    "remind_overdue_reviews": {"every": 86400},
    # Webmentions: check received ones, send queued ones (bounded batches; README "Mentions").
    "verify_mentions": {"every": 60},
    "send_mentions": {"every": 300},
}
SCHEDULER_TICK_SECONDS = int(os.environ.get("SCHEDULER_TICK_SECONDS", "30"))
# `make backup` writes dated folders here (README "Operations").
BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", BASE_DIR / "backups"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
    },
}

from .accounts import *  # noqa: E402
from .cdn import *  # noqa: E402
from .edge import *  # noqa: E402
from .storage import *  # noqa: E402
