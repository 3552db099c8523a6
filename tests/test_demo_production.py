"""Production never has the demo app: its commands do not exist there, and it cannot be added."""

import os
import subprocess
from pathlib import Path

import pytest

from tests.server_support import manage


def manage_under_production(
    *args: str, tmp_path: Path, **env_overrides: str
) -> subprocess.CompletedProcess:
    """Run ``manage.py`` with the production settings, configured, on a throwaway database."""
    env = {k: v for k, v in os.environ.items() if k != "CLINIC_DEMO_APPS"}
    env.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.production",
        SECRET_KEY="k" * 50,
        ALLOWED_HOSTS="stories.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        **env_overrides,
    )
    return manage(*args, env=env)


@pytest.mark.parametrize("command", ["seed_demo", "generate_stories"])
def test_demo_commands_do_not_exist_under_production_settings(command, tmp_path):
    result = manage_under_production(command, tmp_path=tmp_path)
    assert result.returncode != 0
    assert f"Unknown command: '{command}'" in result.stderr
    assert not (tmp_path / "production.sqlite3").exists()


def test_production_refuses_the_demo_app(tmp_path):
    result = manage_under_production("check", tmp_path=tmp_path, CLINIC_DEMO_APPS="1")
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: CLINIC_DEMO_APPS must not be set for production settings."
    )
