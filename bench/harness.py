"""What the page benchmark, the search benchmark and the soak share: the database they may fill,
``manage.py`` in a child process, gunicorn as the Dockerfile runs it on a free loopback port, and
percentiles.

The scripts run as ``python bench/<script>.py`` (the checkout is not an installed package), so
each puts the checkout on ``sys.path`` before importing this module."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def chosen_database(default: str, word: str) -> tuple[str, str]:
    """``DATABASE_URL`` (else ``default``) and why it may not be used ("" when it may): only a
    PostgreSQL database whose name contains ``word`` is ever filled with demo or generated
    content, so a real database never is."""
    url = os.environ.get("DATABASE_URL") or default
    if url.startswith(("postgres://", "postgresql://")) and word in urlsplit(url).path:
        return url, ""
    return url, f"needs a PostgreSQL database whose name contains '{word}', not {url}"


def ensure_database(url: str) -> None:
    """CREATE DATABASE when missing, through the server's maintenance database."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True, connect_timeout=5) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")


def manage(*args: str, env: dict[str, str], capture: bool = False) -> str:
    """Run ``manage.py`` in a child process; its output is returned when ``capture``."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return done.stdout or ""


def served_env(
    base: dict[str, str], settings_module: str, static_root: str, redis_url: str, **extra: str
) -> dict[str, str]:
    """``base`` plus what gunicorn needs to serve ``settings_module`` (production or built on
    it) over plain HTTP on the loopback address: a throwaway secret key, no HTTPS redirect, its
    own static files and Redis database; ``extra`` last."""
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "SECRET_KEY": "bench-only-not-a-secret",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "REDIS_URL": redis_url,
        **extra,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def gunicorn_command(port: int, workers: int | None = None) -> list[str]:
    """The Dockerfile's CMD as it ships (with ``workers`` workers when given), bound to a
    loopback port."""
    dockerfile = (PROJECT / "Dockerfile").read_text()
    cmd_line = [line for line in dockerfile.splitlines() if line.startswith("CMD [")][-1]
    command = json.loads(cmd_line[len("CMD ") :])
    if workers is not None and "--workers" in command:
        command[command.index("--workers") + 1] = str(workers)
    elif workers is not None:
        command += ["--workers", str(workers)]
    executable = Path(sys.executable).with_name(command[0])
    return [str(executable), *command[1:], "--bind", f"{HOST}:{port}"]


def get(port: int, path: str) -> int:
    """One GET on a new connection; the status."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Language": "en"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def wait_until_healthy(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    """Return once gunicorn answers ``/health/`` with 200; RuntimeError if it exits or does not
    answer within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode}")
        try:
            if get(port, "/health/") == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer /health/ within {seconds:.0f} s")


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` (0 to 1) of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]
