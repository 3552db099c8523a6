"""The production image, checked without Docker: its Dockerfile parsed, its steps run here."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dockerfile
import pytest

from tests.server_support import free_port, server_database_url

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = dockerfile.parse_file(str(ROOT / "Dockerfile"))


def instructions(name: str) -> list:
    return [c for c in COMMANDS if c.cmd.upper() == name]


def runtime_stage() -> list:
    starts = [i for i, c in enumerate(COMMANDS) if c.cmd.upper() == "FROM"]
    return list(COMMANDS[starts[-1] :])


def test_multi_stage_slim_base():
    froms = instructions("FROM")
    assert len(froms) >= 2
    assert all(c.value[0].startswith("python:3.11-slim") for c in froms)


def test_runs_as_non_root_user():
    users = [c.value[0] for c in runtime_stage() if c.cmd.upper() == "USER"]
    assert users and users[-1] not in {"root", "0"}


def test_has_healthcheck_on_health_endpoint():
    (check,) = instructions("HEALTHCHECK")
    assert "/health/" in " ".join(check.value)


def test_no_secrets_in_env_or_arg():
    for command in instructions("ENV") + instructions("ARG"):
        names = command.value[::2] if command.cmd.upper() == "ENV" else command.value
        for name in names:
            upper = name.upper()
            assert not any(word in upper for word in ("SECRET", "PASSWORD", "TOKEN", "KEY")), name


def test_cmd_is_gunicorn_on_the_wsgi_app():
    (cmd,) = instructions("CMD")
    assert cmd.json
    assert cmd.value[0] == "gunicorn"
    assert "clinic_site.wsgi:application" in cmd.value


@pytest.fixture
def image_env(tmp_path, db):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
        "SECRET_KEY": "image-test-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PORT": str(free_port()),
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
    }
    # The test suite's own database; on SQLite a file of the image's own.
    env["DATABASE_URL"] = server_database_url() or f"sqlite:///{tmp_path / 'image.sqlite3'}"
    return env


@pytest.mark.slow
def test_image_steps_collectstatic_then_gunicorn_serves_health(image_env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=image_env,
        check=True,
        timeout=300,
    )
    manifest = Path(image_env["STATIC_ROOT"]) / "staticfiles.json"
    assert manifest.exists()
    assert any(Path(image_env["STATIC_ROOT"]).rglob("site.*.css.gz"))

    (cmd,) = instructions("CMD")
    server = subprocess.Popen(
        list(cmd.value),
        cwd=ROOT,
        env=image_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{image_env['PORT']}/health/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    status, body = response.status, response.read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError(server.stderr.read1().decode() if server.stderr else "")
                time.sleep(0.3)
        assert status == 200
        assert b'"status": "ok"' in body
    finally:
        server.terminate()
        server.wait(timeout=30)
