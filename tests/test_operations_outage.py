"""Database outage: the running app answers 503 quickly while the database is away, then
recovers on its own (production settings under gunicorn, against a scratch database).

The outage is made without touching the shared PostgreSQL server: the scratch database stops
accepting connections (``ALTER DATABASE … ALLOW_CONNECTIONS false``) and its sessions are
ended with ``pg_terminate_backend``; a listening socket that never answers stands in for an
unreachable server.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory
from psycopg import sql

from clinic_site.views import server_error
from tests.operations_support import create_databases, drop_databases, maintenance, server_url
from tests.server_support import free_port, wait_for_port

postgres_only = pytest.mark.postgres(reason="the outage is PostgreSQL's")
PROJECT = Path(__file__).resolve().parent.parent
# A request that hangs fails the test: far more than DB_CONNECT_TIMEOUT, far less than forever.
CLIENT_TIMEOUT = 20


def get(port: int, path: str) -> http.client.HTTPResponse:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_TIMEOUT)
    client.request("GET", path, headers={"Accept-Language": "en"})
    response = client.getresponse()
    response.body = response.read().decode()
    client.close()
    return response


@contextlib.contextmanager
def gunicorn(database_url: str, tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen]]:
    """The app under production settings, one worker, reusing database connections."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.operations_settings",
        "DATABASE_URL": database_url,
        "DB_CONN_MAX_AGE": "600",
        "DB_CONNECT_TIMEOUT": "2",
        "SECRET_KEY": "outage-test-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LOG_LEVEL": "ERROR",
    }
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "clinic_site.wsgi:application",
        "--workers=1",
        f"--bind=127.0.0.1:{port}",
        "--timeout=60",
    ]
    log = (tmp_path / f"gunicorn-{port}.log").open("wb")
    server = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=log, stderr=log)
    try:
        try:
            wait_for_port(port, server, timeout=90)
        except RuntimeError as error:
            pytest.fail(f"{error}\n{(tmp_path / f'gunicorn-{port}.log').read_text()}")
        yield port, server
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture
def scratch_database(django_db_setup, django_db_blocker):
    """A copy of the migrated test database (this module's django_db test ensures it exists)."""
    with django_db_blocker.unblock():
        name = f"{connection.settings_dict['NAME']}_outage"
        create_databases(copies=[name])
        try:
            yield name
        finally:
            with maintenance() as server:
                server.execute(
                    sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(sql.Identifier(name))
                )
            drop_databases(name)


def assert_friendly_503(response: http.client.HTTPResponse) -> None:
    assert response.status == 503
    assert response.getheader("Retry-After") == "30"
    assert "The site is briefly unavailable" in response.body
    assert "Traceback" not in response.body and "OperationalError" not in response.body


# A transactional test elsewhere may have emptied the test database: restore what
# migrations created (groups, home pages) before copying it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@postgres_only
def test_the_app_answers_503_during_an_outage_and_recovers_without_a_restart(
    scratch_database, tmp_path
):
    with gunicorn(server_url(scratch_database), tmp_path) as (port, server):
        assert get(port, "/health/").status == 200
        assert get(port, "/en/").status == 200

        with maintenance() as pg:
            name = sql.Identifier(scratch_database)
            pg.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(name))
            ended = pg.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [scratch_database],
            ).fetchone()[0]
            assert ended >= 1  # the worker's kept connection
            health = get(port, "/health/")
            assert health.status == 503
            assert json.loads(health.body) == {"status": "error", "database": "unavailable"}
            # /en/ may still come from the page cache (Redis answers); pages it has not kept
            # need the database and get the friendly 503.
            assert_friendly_503(get(port, "/en/stories/"))
            assert_friendly_503(get(port, "/en/stories/no-such-story/"))
            pg.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(name))

        assert get(port, "/health/").status == 200
        assert get(port, "/en/").status == 200
        assert server.poll() is None  # the same process, never restarted


@postgres_only
def test_an_unreachable_database_server_gives_503_not_a_hang(tmp_path):
    # Listens but never answers: connecting can only end by DB_CONNECT_TIMEOUT.
    with socket.create_server(("127.0.0.1", 0), backlog=64) as silent:
        silent_port = silent.getsockname()[1]
        url = f"postgres://postgres@127.0.0.1:{silent_port}/clinic"
        with gunicorn(url, tmp_path) as (port, _):
            assert get(port, "/health/").status == 503
            assert_friendly_503(get(port, "/en/"))


@pytest.mark.django_db
def test_a_database_error_renders_the_503_page_and_other_errors_the_500(rf: RequestFactory):
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(rf.get("/en/"))
    assert response.status_code == 503
    assert "The site is briefly unavailable" in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(rf.get("/en/")).status_code == 500
