"""Small helpers that read configuration from environment variables."""

from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlparse


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


EMAIL_SCHEMES = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def email_settings(url: str) -> dict[str, object]:
    """Turn EMAIL_URL (``smtp://user:pass@host:587?tls=1``) into Django email settings."""
    parsed = urlparse(url)
    if parsed.scheme not in EMAIL_SCHEMES:
        raise ValueError(
            f"EMAIL_URL scheme {parsed.scheme!r} is not one of {', '.join(sorted(EMAIL_SCHEMES))}"
        )
    options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
    config: dict[str, object] = {"EMAIL_BACKEND": EMAIL_SCHEMES[parsed.scheme]}
    if parsed.scheme in {"smtp", "smtps"}:
        config.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or (465 if parsed.scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_TLS=options.get("tls", "0").lower() in {"1", "true", "yes"},
            EMAIL_USE_SSL=parsed.scheme == "smtps",
            EMAIL_TIMEOUT=int(options.get("timeout", "10")),
        )
    return config
