"""Page benchmark: the demo on PostgreSQL and Redis, served by gunicorn as in production.

    make bench        # or: python bench/pages_bench.py [--duration 10] [--connections 8]

Creates the database if it is missing (``DATABASE_URL``, default
postgres://postgres@127.0.0.1:5432/clinic_bench; only a database whose name contains "bench"
is used), migrates it and loads the demo (``seed_demo``), collects static files, then runs
gunicorn with the Dockerfile's ``CMD`` (``--workers`` of them) and the benchmark's settings
(``bench.settings``: production plus a trivial view) twice on a free loopback port:

1. warm: Redis as the cache (``BENCH_REDIS_URL``), so the page cache is on;
2. uncached: every cache replaced by Django's DummyCache, each request renders the page.

Each run measures the trivial view and the public pages one after the other with ``wrk``
(``--connections`` connections, ``--duration`` seconds each, after a warm-up), or with this
process's threads when wrk is not installed. It prints requests per second, the share of the
trivial view's rate, the CPU time each request cost gunicorn's workers and their PostgreSQL
backends (which other work on the machine barely changes), p50/p95/p99 latency, the 1-minute
load average before and after each page and the workers' memory, writes the same as JSON
(``--json``) and exits non-zero if any request failed. Not part of CI: figures depend on the
machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script
from bench.harness import (
    HOST,
    PROJECT,
    chosen_database,
    ensure_database,
    free_port,
    get,
    gunicorn_command,
    manage,
    percentile,
    served_env,
    wait_until_healthy,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/clinic_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/15"
TRIVIAL = "/bench/trivial/"
LUA = Path(__file__).with_name("latency.lua")
HEADER = (
    "run | page | req/s | share of trivial | CPU ms/request | p50 ms | p95 ms | p99 ms | failed"
    " | load"
)


@dataclass
class Figure:
    """What one page's measurement gave."""

    run: str
    name: str
    path: str
    requests: int = 0
    failed: int = 0
    seconds: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    load_before: float = 0.0
    load_after: float = 0.0
    share_of_trivial: float | None = None
    cpu_ms: float = 0.0  # CPU time per request: gunicorn's workers and their PostgreSQL backends
    failures: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def row(self) -> str:
        share = f"{self.share_of_trivial:.1%}" if self.share_of_trivial is not None else "—"
        return (
            f"{self.run} | {self.name} | {self.rate:,.1f} | {share} | {self.cpu_ms:.2f} | "
            f"{self.p50_ms:.1f} | "
            f"{self.p95_ms:.1f} | {self.p99_ms:.1f} | {self.failed} | "
            f"{self.load_before:.2f} → {self.load_after:.2f}"
        )


def fail(message: str) -> int:
    print(f"pages_bench: {message}", file=sys.stderr)
    return 2


FIND_PAGES = """
import json, re
from blog.models import StoryPage, VideoPage
from policy.models import PolicyPage
def first(model):
    return model.objects.live().filter(locale__language_code="en").order_by("path").first()
story = first(StoryPage)
print(json.dumps({
    "story": story.url,
    "video": first(VideoPage).url,
    "policy": first(PolicyPage).url,
    "word": max(re.findall(r"[a-z]+", story.title.lower()), key=len),
    "stories": StoryPage.objects.live().filter(locale__language_code="en").count(),
    "postgres": __import__("django.db").db.connection.cursor().connection.info.server_version,
}))
"""


ANALYZE = "from django.db import connection; connection.cursor().execute('ANALYZE')"


def measure_with_wrk(port: int, figure: Figure, args: argparse.Namespace) -> None:
    command = [
        "wrk",
        f"-t{min(2, args.connections)}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "30s",
        "-s",
        str(LUA),
        f"http://{HOST}:{port}{figure.path}",
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    figure.seconds = result["duration_us"] / 1e6
    figure.failed = result["socket_errors"] + result["non_2xx"]
    figure.requests = result["requests"] - figure.failed
    if figure.failed:
        figure.failures = {"socket": result["socket_errors"], "non-2xx": result["non_2xx"]}
    for share in (50, 95, 99):
        setattr(figure, f"p{share}_ms", result[f"p{share}_us"] / 1000)


def measure_with_threads(port: int, figure: Figure, args: argparse.Namespace) -> None:
    """The fallback without wrk: ``connections`` threads, one new connection per request."""
    lock = threading.Lock()
    latencies: list[float] = []
    deadline = time.monotonic() + args.duration

    def worker() -> None:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                status: int | str = get(port, figure.path)
            except OSError as error:
                status = type(error).__name__
            elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    figure.failures[str(status)] = figure.failures.get(str(status), 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    figure.seconds = time.perf_counter() - started
    figure.requests = len(latencies)
    figure.failed = sum(figure.failures.values())
    for share in (50, 95, 99):
        setattr(figure, f"p{share}_ms", percentile(latencies or [0.0], share / 100) * 1000)


def gunicorn_workers(master_pid: int) -> list[str]:
    """The process ids of gunicorn's workers: the master's children."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return children.read_text().split() if children.exists() else []


def worker_memory_mb(master_pid: int) -> list[float]:
    """Resident memory of each gunicorn worker, in MB."""
    sizes = []
    for pid in gunicorn_workers(master_pid):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def cpu_seconds(pids: list[str]) -> float:
    """User + system CPU time of these processes so far (those that have exited count 0)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def serving_pids(master_pid: int, database_url: str) -> list[str]:
    """gunicorn's workers and the PostgreSQL backends connected to the benchmark's database:
    the CPU a page costs the server, whatever else the machine runs."""
    import psycopg

    workers = gunicorn_workers(master_pid)
    name = urlsplit(database_url).path.lstrip("/")
    with psycopg.connect(database_url, autocommit=True, connect_timeout=5) as connection:
        backends = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchall()
    return workers + [str(pid) for (pid,) in backends]


def serve_and_measure(
    run: str, pages: list[tuple[str, str]], env: dict, args: argparse.Namespace, log: Path
) -> tuple[list[Figure], list[float]]:
    port = free_port()
    command = gunicorn_command(port, args.workers)
    figures = [Figure(run, name, path) for name, path in pages]
    measure = measure_with_wrk if args.load == "wrk" else measure_with_threads
    with log.open("ab") as output:
        server = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=output, stderr=output)
        try:
            wait_until_healthy(port, server)
            for figure in figures:
                for _ in range(args.warm_up):
                    get(port, figure.path)
                figure.load_before = os.getloadavg()[0]
                pids = serving_pids(server.pid, env["DATABASE_URL"])
                cpu_before = cpu_seconds(pids)
                measure(port, figure, args)
                served = figure.requests + figure.failed
                figure.cpu_ms = (cpu_seconds(pids) - cpu_before) * 1000 / served if served else 0.0
                figure.load_after = os.getloadavg()[0]
                print(f"  {figure.row()}", flush=True)
            memory = worker_memory_mb(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    trivial = figures[0].rate
    for figure in figures:
        figure.share_of_trivial = figure.rate / trivial if trivial else None
    return figures, memory


def machine(facts: dict, args: argparse.Namespace) -> dict:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gib": round(memory_kb / 1024 / 1024),
        "python": platform.python_version(),
        "postgres": facts["postgres"] // 10000,
        "gunicorn_workers": args.workers,
        "load_generator": (
            f"wrk, {args.connections} connections, {args.duration} s per page"
            if args.load == "wrk"
            else f"{args.connections} Python threads, {args.duration} s per page"
        ),
        "live_english_stories": facts["stories"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page (10)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (8)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (3)")
    parser.add_argument("--warm-up", type=int, default=20, help="requests not counted, per page")
    parser.add_argument("--runs", default="warm,uncached", help="warm, uncached or both")
    parser.add_argument("--json", default=str(PROJECT / "bench" / "pages_bench.json"))
    parser.add_argument(
        "--load",
        choices=["wrk", "threads"],
        default="wrk" if shutil.which("wrk") else "threads",
        help="load generator (wrk when installed)",
    )
    args = parser.parse_args()

    url, refusal = chosen_database(DEFAULT_URL, "bench")
    if refusal:
        return fail(refusal)
    try:
        ensure_database(url)
    except Exception as error:  # psycopg's errors: one readable line, not a traceback
        reason = " ".join(str(error).split())
        return fail(f"PostgreSQL at {urlsplit(url).netloc} did not answer: {reason}")

    static_root = tempfile.mkdtemp(prefix="clinic-bench-static-")
    base = {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    dev = {**base, "DJANGO_SETTINGS_MODULE": "clinic_site.settings.dev", "LOG_LEVEL": "WARNING"}
    redis_url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS)
    served = served_env(base, "bench.settings", static_root, redis_url, LOG_LEVEL="WARNING")
    print("migrating and loading the demo (seed_demo)…", flush=True)
    try:
        manage("migrate", "--no-input", env=dev)
        manage("seed_demo", env=dev)
        # Planner statistics as a running site has them: autovacuum never analyses a table with
        # fewer than 50 changed rows, and without statistics PostgreSQL misjudges the page
        # queries' joins by orders of magnitude (and spends ~150 ms JIT-compiling each one).
        manage("shell", "-c", ANALYZE, env=dev)
        manage("collectstatic", "--no-input", "--verbosity", "0", env=served)
        # Pages cached by an earlier run (older code) must not be measured as warm.
        manage("shell", "-c", "from pagecache.generation import bump; bump()", env=served)
        found = manage("shell", "-c", FIND_PAGES, env=dev, capture=True)
    except subprocess.CalledProcessError as error:
        return fail(f"{shlex.join(error.cmd[1:])} failed with exit status {error.returncode}")
    facts = json.loads(found.splitlines()[-1])
    pages = [
        ("trivial view", TRIVIAL),
        ("home", "/en/"),
        ("story", facts["story"]),
        ("story listing", "/en/stories/"),
        ("video listing", "/en/videos/"),
        ("video", facts["video"]),
        ("policy", facts["policy"]),
        ("search", f"/en/search/?q={quote(facts['word'])}"),
    ]
    runs = {
        "warm": {**served, "BENCH_UNCACHED": "0"},
        "uncached": {**served, "BENCH_UNCACHED": "1"},
    }
    log = Path(static_root) / "gunicorn.log"
    started = datetime.datetime.now(datetime.UTC)
    figures: list[Figure] = []
    memory: dict[str, list[float]] = {}
    print(HEADER)
    for run in [name.strip() for name in args.runs.split(",")]:
        try:
            measured, memory[run] = serve_and_measure(run, pages, runs[run], args, log)
        except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
            return fail(f"{error} (gunicorn log: {log})")
        figures += measured

    facts_out = machine(facts, args)
    report = {
        "started_utc": started.isoformat(timespec="seconds"),
        "finished_utc": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": facts_out,
        "load_average_at_end": os.getloadavg(),
        "worker_rss_mb": memory,
        "figures": [{**asdict(figure), "requests_per_second": figure.rate} for figure in figures],
    }
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    print(f"\n{started:%Y-%m-%d %H:%M} UTC, {json.dumps(facts_out)}")
    rounded = {run: [round(size) for size in sizes] for run, sizes in memory.items()}
    print("worker memory after each run (MB):", rounded)
    print(HEADER)
    print("--- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---")
    for figure in figures:
        print(figure.row())
    print(f"figures written to {args.json}")
    failed = {f"{f.run} {f.name}": f.failures for f in figures if f.failed}
    if failed:
        print(f"failed requests: {failed} (gunicorn log: {log})")
        return 1
    shutil.rmtree(static_root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
