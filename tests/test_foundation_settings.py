"""Configuration comes from the environment; production refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_site.settings.env import email_settings

ROOT = Path(__file__).resolve().parent.parent


def import_production(**env_overrides: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(DJANGO_SETTINGS_MODULE="clinic_site.settings.production", **env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "CRITICAL"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_missing_secret_key():
    result = import_production(ALLOWED_HOSTS="stories.example.org")
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: SECRET_KEY must be set for production settings."
    )


def test_production_refuses_missing_allowed_hosts():
    result = import_production(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: ALLOWED_HOSTS must be set for production settings."
    )


def test_production_starts_when_configured():
    result = import_production(SECRET_KEY="k" * 50, ALLOWED_HOSTS="stories.example.org")
    assert result.returncode == 0, result.stderr


def test_email_url_smtp_with_tls():
    config = email_settings("smtp://mailer:s%40cret@mail.example.org:587?tls=1")
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert config["EMAIL_HOST"] == "mail.example.org"
    assert config["EMAIL_PORT"] == 587
    assert config["EMAIL_HOST_USER"] == "mailer"
    assert config["EMAIL_HOST_PASSWORD"] == "s@cret"
    assert config["EMAIL_USE_TLS"] is True


def test_email_url_console_and_unknown_scheme():
    assert email_settings("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    with pytest.raises(ValueError, match="EMAIL_URL scheme 'carrier-pigeon'"):
        email_settings("carrier-pigeon://coop")
