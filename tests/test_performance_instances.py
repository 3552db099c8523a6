"""Two app servers behind a load balancer: one database, one Redis, no local state.

Two gunicorn instances (production settings) serve the suite's PostgreSQL test database and
share one Redis. Both cache the story listing; a story published from a third process (this
test, as the scheduler or an editor's server would) is on both at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from tests.blog_factories import make_story, story_index
from tests.server_support import free_port, redis_url, server_database_url

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = redis_url(default_db=7)

# Committed data, seen by the servers; the migrations' rows (home page, groups) are restored first.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres(
        reason="the gunicorn instances read the test database, which SQLite keeps in this "
        "process's memory"
    ),
]


def database_url() -> str:
    url = server_database_url()
    if url is None:
        pytest.fail("two instances need the PostgreSQL test database (set DATABASE_URL)")
    return url


def _get(port: int, path: str) -> tuple[int, dict[str, str], str]:
    # The same Host header on both, as behind a load balancer.
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": "localhost"}
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.status, dict(response.headers), response.read().decode()


def _wait_until_up(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(port, "/health/")
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                output = server.stdout.read().decode() if server.stdout else ""
                pytest.fail(f"gunicorn on port {port} did not start:\n{output[-3000:]}")
            time.sleep(0.3)


@pytest.fixture
def shared_cache(settings):
    """This process uses the instances' Redis, under a key prefix of its own."""
    prefix = f"instances-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    return prefix


@pytest.fixture
def two_instances(shared_cache, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": shared_cache,
        "SECRET_KEY": "instances-test-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    servers, ports = [], []
    try:
        for _ in range(2):
            port = free_port()
            command = [gunicorn, "clinic_site.wsgi:application", "--workers", "1"]
            command += ["--bind", f"127.0.0.1:{port}"]
            server = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
            )
            servers.append(server)
            ports.append(port)
        for port, server in zip(ports, servers, strict=True):
            _wait_until_up(port, server)
        yield ports
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def test_a_change_published_anywhere_shows_on_every_instance_at_once(home_page, two_instances):
    stories = story_index(home_page)
    make_story(stories, "A long night on ward 7")
    first, second = two_instances

    # A page cached by one instance is served by the other: the cache is shared, not local.
    _get(first, "/en/stories/")
    status, headers, html = _get(second, "/en/stories/")
    assert status == 200
    assert headers["X-Page-Cache"] == "hit"
    assert "A long night on ward 7" in html
    assert "Back home after the transplant" not in html

    make_story(stories, "Back home after the transplant")

    for port in (second, first):
        status, _headers, html = _get(port, "/en/stories/")
        assert status == 200
        assert "Back home after the transplant" in html
