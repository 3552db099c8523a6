"""Page benchmark: the demo on PostgreSQL, served by gunicorn as in production, under load.

    make bench        # or: python bench/pages_bench.py [--requests 300] [--concurrency 4]

Creates the database if it is missing (``DATABASE_URL``, default
postgres://postgres@127.0.0.1:5432/clinic_bench; only a database whose name contains "bench"
is used), migrates it and loads the demo (``seed_demo``), collects static files, then starts
gunicorn with the production settings and the Dockerfile's ``CMD`` options (2 workers) on a
free loopback port. Threads of this process, each with its own connection (``http.client``),
then ask for the home, a story, the story listing and a search, one page after the other: a
bounded number of requests per page, within a time limit. It prints requests per second and
p50/p95/p99 latency per page with the machine's conditions, stops gunicorn and exits non-zero
if any request failed. Not part of CI: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/clinic_bench"
HOST = "127.0.0.1"
WORKERS = 2


@dataclass
class Result:
    """What one page's run measured."""

    name: str
    path: str
    latencies: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000

    def row(self) -> str:
        done = len(self.latencies)
        rate = done / self.seconds if self.seconds else 0.0
        failed = sum(self.failures.values())
        cells = [self.name, f"{done}", f"{failed}", f"{rate:.1f}"]
        cells += [f"{self.percentile(share):.0f}" for share in (0.5, 0.95, 0.99)] if done else []
        return " | ".join(cells)


def fail(message: str) -> int:
    print(f"pages_bench: {message}", file=sys.stderr)
    return 2


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


FIND_PAGES = """
import json, re
from blog.models import StoryPage
stories = StoryPage.objects.live().filter(locale__language_code="en")
story = stories.order_by("path").first()
print(json.dumps({
    "story": story.url,
    "word": max(re.findall(r"[a-z]+", story.title.lower()), key=len),
    "stories": stories.count(),
    "postgres": __import__("django.db").db.connection.cursor().connection.info.server_version,
}))
"""


def gunicorn_command(port: int) -> list[str]:
    """The Dockerfile's CMD with 2 workers, bound to a loopback port."""
    dockerfile = (PROJECT / "Dockerfile").read_text()
    cmd_line = [line for line in dockerfile.splitlines() if line.startswith("CMD [")][-1]
    command = json.loads(cmd_line[len("CMD ") :])
    if "--workers" in command:
        command[command.index("--workers") + 1] = str(WORKERS)
    else:
        command += ["--workers", str(WORKERS)]
    executable = Path(sys.executable).with_name(command[0])
    return [str(executable), *command[1:], "--bind", f"{HOST}:{port}"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def get(port: int, path: str) -> int:
    """One GET on a new connection (gunicorn's sync workers close each one); the status."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Language": "en"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def wait_until_healthy(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
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


def load(port: int, result: Result, requests: int, concurrency: int, limit: float) -> None:
    """``requests`` GETs from ``concurrency`` threads, stopping early at ``limit`` seconds."""
    lock = threading.Lock()
    issued = 0
    deadline = time.monotonic() + limit

    def worker() -> None:
        nonlocal issued
        while time.monotonic() < deadline:
            with lock:
                if issued >= requests:
                    return
                issued += 1
            started = time.perf_counter()
            try:
                status = get(port, result.path)
            except OSError as error:
                status = type(error).__name__
            elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    result.latencies.append(elapsed)
                else:
                    result.failures[str(status)] = result.failures.get(str(status), 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started


def conditions(facts: dict, args: argparse.Namespace, load_at_start: float) -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    load_1, load_5, _ = os.getloadavg()
    return (
        f"{os.cpu_count()} CPUs ({model}), 1-minute load average {load_at_start:.2f} at start, "
        f"{load_1:.2f} at end (5-minute {load_5:.2f}); "
        f"Python {platform.python_version()}, PostgreSQL {facts['postgres'] // 10000}; "
        f"gunicorn {WORKERS} workers, {args.concurrency} client threads in this process, "
        f"{facts['stories']} live English stories"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="per page (default 300)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--warm-up", type=int, default=20, help="requests not counted, per page")
    parser.add_argument("--limit", type=float, default=60, help="seconds at most per page")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith(("postgres://", "postgresql://")) or "bench" not in urlsplit(url).path:
        return fail(f"needs a PostgreSQL database whose name contains 'bench', not {url}")
    try:
        ensure_database(url)
    except Exception as error:  # psycopg's errors: one readable line, not a traceback
        reason = " ".join(str(error).split())
        return fail(f"PostgreSQL at {urlsplit(url).netloc} did not answer: {reason}")

    static_root = tempfile.mkdtemp(prefix="clinic-bench-static-")
    base = {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    dev = {**base, "DJANGO_SETTINGS_MODULE": "clinic_site.settings.dev", "LOG_LEVEL": "WARNING"}
    production = {
        **base,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
        "SECRET_KEY": "bench-only-not-a-secret",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
    }
    print("migrating and loading the demo (seed_demo)…", flush=True)
    try:
        manage("migrate", "--no-input", env=dev)
        manage("seed_demo", env=dev)
        manage("collectstatic", "--no-input", "--verbosity", "0", env=production)
        found = manage("shell", "-c", FIND_PAGES, env=dev, capture=True)
    except subprocess.CalledProcessError as error:
        return fail(f"{shlex.join(error.cmd[1:])} failed with exit status {error.returncode}")
    facts = json.loads(found.splitlines()[-1])
    pages = [
        Result("home", "/en/"),
        Result("story", facts["story"]),
        Result("story listing", "/en/stories/"),
        Result("search", f"/en/search/?q={quote(facts['word'])}"),
    ]

    port = free_port()
    command = gunicorn_command(port)
    served = shlex.join(command[command.index("clinic_site.wsgi:application") :])
    print("serving:", served, flush=True)
    load_at_start = os.getloadavg()[0]
    log = Path(static_root) / "gunicorn.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            command, cwd=PROJECT, env=production, stdout=output, stderr=output
        )
        try:
            wait_until_healthy(port, server)
            for page in pages:
                for _ in range(args.warm_up):
                    get(port, page.path)
                load(port, page, args.requests, args.concurrency, args.limit)
        except (RuntimeError, OSError) as error:
            return fail(f"{error} (gunicorn log: {log})")
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

    print(f"\n{time.strftime('%Y-%m-%d %H:%M %Z')}: {conditions(facts, args, load_at_start)}")
    print("page | requests | failed | req/s | p50 ms | p95 ms | p99 ms")
    print("--- | ---: | ---: | ---: | ---: | ---: | ---:")
    for page in pages:
        print(page.row())
    failed = {page.name: page.failures for page in pages if page.failures}
    if failed:
        print(f"failed requests: {failed} (gunicorn log: {log})")
        return 1
    shutil.rmtree(static_root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
