"""Configuration comes from the environment; production refuses to start half-configured."""

import json
import os
import re
import subprocess
from urllib.parse import urlsplit

import pytest

from clinic_site.settings.env import email_settings
from tests.server_support import manage, python


def import_production(**env_overrides: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(DJANGO_SETTINGS_MODULE="clinic_site.settings.production", **env_overrides)
    return manage("check", "--deploy", "--fail-level", "CRITICAL", env=env)


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


# A key Django's deploy check accepts: 50+ characters, many different ones.
DEPLOY_KEY = "x9#Lq2v!Tz7mR4w@Np8sK1d$Hf6gJ3c%Yb5nV0eU-aQ-r7Ws2Zp9Mk"


def settings_env(settings_module: str, **env_overrides: str) -> dict[str, str]:
    """The environment of a process under a settings module, without the test run's settings."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DB_CONN_MAX_AGE", "STAFF_2FA_REQUIRED"}
    }
    env.update(DJANGO_SETTINGS_MODULE=f"clinic_site.settings.{settings_module}", **env_overrides)
    return env


def run_with(settings_module: str, *args: str, **env_overrides: str):
    """``manage.py`` with ``args`` under a settings module, without the test run's settings."""
    return manage(*args, env=settings_env(settings_module, **env_overrides))


def settings_of(settings_module: str, *names: str, **env: str) -> dict:
    """The named settings as the given settings module computes them from the environment.

    Read in a fresh interpreter through ``django.conf.settings``, as ``manage.py`` reads them,
    without loading the apps (which would cost a second per call and prove nothing more)."""
    script = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}, default=str))"
    )
    result = python("-c", script, env=settings_env(settings_module, **env), timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("preload", ["", "true"])
def test_production_passes_the_deploy_check_at_warning_level(preload):
    result = run_with(
        "production",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=DEPLOY_KEY,
        ALLOWED_HOSTS="stories.example.org",
        SECURE_HSTS_PRELOAD=preload,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_hsts_preload_is_off_unless_asked_for_and_two_factor_is_on_in_production():
    production = {"SECRET_KEY": DEPLOY_KEY, "ALLOWED_HOSTS": "stories.example.org"}
    names = ("SECURE_HSTS_PRELOAD", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "STAFF_2FA_REQUIRED")
    assert settings_of("production", *names, **production) == {
        "SECURE_HSTS_PRELOAD": False,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "STAFF_2FA_REQUIRED": True,
    }
    chosen = settings_of("production", *names, SECURE_HSTS_PRELOAD="true", **production)
    assert chosen["SECURE_HSTS_PRELOAD"] is True


def test_dev_settings_close_connections_and_let_the_demo_in_with_passwords():
    default = settings_of("dev", "DATABASES", "STAFF_2FA_REQUIRED")
    assert default["DATABASES"]["default"]["CONN_MAX_AGE"] == 0
    assert default["STAFF_2FA_REQUIRED"] is False
    chosen = settings_of(
        "dev", "DATABASES", "STAFF_2FA_REQUIRED", DB_CONN_MAX_AGE="30", STAFF_2FA_REQUIRED="true"
    )
    assert chosen["DATABASES"]["default"]["CONN_MAX_AGE"] == 30
    assert chosen["STAFF_2FA_REQUIRED"] is True


def test_the_admin_loads_no_avatar_from_another_host(client_for, admin_user):
    page = client_for(admin_user).get("/admin/").content.decode()
    assert "gravatar" not in page.lower()
    assert not re.search(r'<img[^>]+src="(https?:)?//', page)


def test_robots_txt_names_only_paths_that_exist(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    disallowed = [line.split(": ", 1)[1] for line in lines if line.startswith("Disallow: ")]
    assert "/admin/" in disallowed and "/en/search/" in disallowed
    for path in disallowed:
        assert client.get(path).status_code != 404, path
    sitemaps = [line.split(": ", 1)[1] for line in lines if line.startswith("Sitemap: ")]
    assert sitemaps == ["http://testserver/sitemap.xml"]
    sitemap = client.get(urlsplit(sitemaps[0]).path)
    assert sitemap.status_code == 200
    assert sitemap["Content-Type"].startswith("application/xml")


def test_postgresql_plans_each_query_once_per_connection_unless_switched_off():
    """Server-side binding lets psycopg prepare a query it has run 5 times; a transaction-pooling
    PgBouncer needs it off (README "Performance")."""
    postgres = {"DATABASE_URL": "postgres://clinic@db.example.org:5432/clinic"}
    options = settings_of("dev", "DATABASES", **postgres)["DATABASES"]["default"]["OPTIONS"]
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5
    off = settings_of("dev", "DATABASES", DB_PREPARED_STATEMENTS="false", **postgres)
    assert "server_side_binding" not in off["DATABASES"]["default"].get("OPTIONS", {})
    sqlite = settings_of("dev", "DATABASES", DATABASE_URL="sqlite:///demo.sqlite3")
    assert "prepare_threshold" not in sqlite["DATABASES"]["default"].get("OPTIONS", {})
