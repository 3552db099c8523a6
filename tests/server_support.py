"""Processes the tests start: ``manage.py`` commands, servers on a free port of 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


def python(*args: str, env: Mapping[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    """Run this Python with ``args`` in the checkout, with exactly ``env``; output as text."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def manage(*args: str, env: Mapping[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``manage.py`` in a fresh interpreter with exactly ``env``; output captured as text."""
    return python("manage.py", *args, env=env, timeout=timeout)


def server_database_url() -> str | None:
    """The test database's URL for a server process, or None on SQLite (whose test database
    lives in one connection's memory, out of another process's reach)."""
    from django.db import connection

    found = connection.settings_dict
    if connection.vendor != "postgresql":
        return None
    user = found["USER"] or "postgres"
    host = found["HOST"] or "127.0.0.1"
    return f"postgres://{user}@{host}:{found['PORT'] or 5432}/{found['NAME']}"


def redis_url(default_db: int) -> str:
    """The Redis database a test may fill and flush: ``REDIS_URL`` (else ``default_db``), moved
    up by the pytest-xdist worker's number so parallel workers never flush each other's keys."""
    url = urlsplit(os.environ.get("REDIS_URL") or f"redis://127.0.0.1:6379/{default_db}")
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    database = (int(url.path.strip("/") or 0) + worker) % 16
    return urlunsplit(url._replace(path=f"/{database}"))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 20.0) -> None:
    """Return once ``process`` listens on ``port``; fail if it exits or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with code {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{process.args[0]} did not listen on port {port} within {timeout:.0f} s")
