"""gunicorn settings for production, read from the working directory (README "Logs and private
downloads"). Command-line flags override them.

* No client address or query string is logged: the access log is off, and when switched on
  (GUNICORN_ACCESS_LOG=-) it writes method, path without query, status, size and time only.
  Django's JSON request log (clinic_site/request_log.py) is the request log of record.
* Forwarded headers (X-Forwarded-Proto) are trusted only from FORWARDED_ALLOW_IPS, by default
  127.0.0.1: never ``*``, which would let any client claim it came over HTTPS.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# %(U)s is the path without the query string; no %(h)s (address), %(r)s, %(f)s or %(a)s.
access_log_format = '"%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'

loglevel = "info"
# gunicorn's own lines (start, workers) as JSON lines too, like the application's.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "clinic_site.request_log.JsonFormatter"}},
    "handlers": {
        "error_console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        },
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        },
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        # gunicorn writes access lines whenever logconfig_dict is set: only when asked for.
        "gunicorn.access": {
            "level": "INFO" if accesslog else "WARNING",
            "handlers": ["console"],
            "propagate": False,
        },
    },
}
