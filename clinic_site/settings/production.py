"""Production: refuses to start without a secret key and the hosts it serves."""

import os
import sys

from .base import *

DEBUG = False

if not SECRET_KEY:
    sys.exit("Configuration error: SECRET_KEY must be set for production settings.")
if not ALLOWED_HOSTS:
    sys.exit("Configuration error: ALLOWED_HOSTS must be set for production settings.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading puts the domain and every subdomain in browsers' built-in HTTPS-only list, which
# takes months to undo: opt in with SECURE_HSTS_PRELOAD=true once every subdomain serves HTTPS
# (README "Security"). Left off, Django's reminder (security.W021) is the documented choice.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
if "demo" in INSTALLED_APPS:
    sys.exit("Configuration error: CLINIC_DEMO_APPS must not be set for production settings.")

# A database that does not answer: give up connecting after DB_CONNECT_TIMEOUT seconds (pages
# answer the friendly 503), and check a reused connection before each request so the site
# recovers on its own once the database is back (README "Operations").
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DB_CONNECT_TIMEOUT", "5")
    )
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Logs as JSON lines: one per request (id, method, path without query, status, duration) and
# every other record with the same request id; no client address or query string (README
# "Logs and private downloads").
REQUEST_LOG_ENABLED = True
LOGGING["formatters"]["json"] = {"()": "clinic_site.request_log.JsonFormatter"}
LOGGING["handlers"]["console"]["formatter"] = "json"
LOGGING["loggers"]["clinic_site.requests"] = {"level": "INFO"}
