"""Soak: the demo under a mixed load for two minutes, served as in production; no 5xx allowed.

    make soak        # or: python bench/soak.py [--seconds 120] [--concurrency 16]

Uses ``DATABASE_URL`` (default postgres://postgres@127.0.0.1:5432/clinic_soak; only a database
whose name contains "soak", since comments are added to it): creates, migrates and seeds it,
collects static files, and starts gunicorn with the production settings and the Dockerfile's
``CMD`` on a free 127.0.0.1 port, with Redis as the shared cache (``SOAK_REDIS_URL``, default
database 6). Client threads, each with its own connection per request and its own cookies, mix
page views, searches, feed reads and comment posts: a comment is posted from the form the page
served (every field it holds, hidden ones included), a few seconds after the page was read, as
a reader would. Each comment comes from its own address in ``X-Forwarded-For``, as written by
one trusted proxy (``TRUSTED_PROXY_COUNT=1``), so the per-address limit applies per reader; any
429 is counted apart.
At the end: requests, req/s, p50/p95/p99, status counts, load average, and whether every
accepted comment (redirected after posting) is in the database. Exit 1 on any 5xx, transport
error or missing comment. Not part of CI: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script
from bench.harness import (
    HOST,
    PROJECT,
    chosen_database,
    ensure_database,
    free_port,
    gunicorn_command,
    manage,
    percentile,
    served_env,
    wait_until_healthy,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/clinic_soak"
FILL_SECONDS = 4  # readers take a moment: the form refuses posts quicker than a person types
WEIGHTS = {"page": 50, "search": 15, "feed": 15, "comment": 20}

FIND_TARGETS = """
import json, re
from blog.models import StoryPage, VideoPage
from policy.models import PolicyPage
stories = list(StoryPage.objects.live().public().filter(locale__language_code="en"))
words = sorted({w for s in stories for w in re.findall(r"[a-z]{5,}", s.title.lower())})
print(json.dumps({
    "stories": [s.url for s in stories],
    "videos": [v.url for v in VideoPage.objects.live().filter(locale__language_code="en")],
    "policy": [p.url for p in PolicyPage.objects.live()],
    "story_ids": [s.pk for s in stories],
    "words": words or ["care"],
}))
"""
COUNT_COMMENTS = """
import json
from comments.models import Comment
print(json.dumps(list(Comment.objects.filter(body__contains={marker!r}).values_list(
    "body", flat=True))))
"""


class FormParser(HTMLParser):
    """The comment form of a page: its action and fields; links to a separate form page."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self.textareas: list[str] = []
        self.form_links: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "form" and "/comments/" in values.get("action", "") and self.action is None:
            self.action, self._inside = values["action"], True
        elif (
            tag == "a"
            and "/comments/" in values.get("href", "")
            and "/feed/" not in values.get("href", "")
        ):
            self.form_links.append(values["href"])
        elif self._inside and tag == "input" and values.get("name"):
            if values.get("type") not in {"checkbox", "submit", "radio"}:
                self.fields[values["name"]] = values.get("value", "")
        elif self._inside and tag == "textarea" and values.get("name"):
            self.textareas.append(values["name"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False


@dataclass
class Tally:
    """Everything the threads measured, under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    accepted: list[str] = field(default_factory=list)
    comment_outcomes: Counter = field(default_factory=Counter)

    def add(self, kind: str, status: int | str, seconds: float) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            self.statuses[status] += 1


class Reader:
    """One simulated reader: cookies, and its own address for each comment it sends."""

    def __init__(self, port: int, tally: Tally, number: int) -> None:
        self.port, self.tally, self.number = port, tally, number
        self.cookies: dict[str, str] = {}
        self.address = f"10.{number}.0.1"

    def request(self, kind: str, method: str, path: str, body: str | None = None):
        headers = {
            "Accept-Language": "en",
            "User-Agent": "clinic-soak",
            "X-Forwarded-For": self.address,
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except OSError as error:
            with self.tally.lock:
                self.tally.errors[type(error).__name__] += 1
            return None, ""
        finally:
            connection.close()
        self.tally.add(kind, response.status, time.perf_counter() - started)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response, text

    def read_form(self, story: str) -> tuple[str, dict[str, str], list[str]] | None:
        """Read a story as a reader does and keep its comment form for later."""
        _, html = self.request("page", "GET", story)
        parser = FormParser()
        parser.feed(html)
        if parser.action is None and parser.form_links:
            _, html = self.request("page", "GET", parser.form_links[0])
            parser = FormParser()
            parser.feed(html)
        if parser.action is None:
            return None
        return parser.action, parser.fields, parser.textareas

    def post_comment(self, form: tuple[str, dict[str, str], list[str]], marker: str) -> None:
        action, fields, textareas = form
        data = dict(fields)
        data.update({"name": "Soak reader", "email": "", "leave_blank": ""})
        for name in textareas:
            data[name] = f"Thank you for telling this story, it stayed with me. {marker}"
        self.address = f"10.{self.number}.{random.randrange(256)}.{random.randrange(1, 255)}"
        response, _ = self.request("comment", "POST", action, urlencode(data))
        outcome = "error" if response is None else response.status
        with self.tally.lock:
            self.tally.comment_outcomes[outcome] += 1
            if outcome in {302, 303}:
                self.tally.accepted.append(marker)


def run_reader(reader: Reader, targets: dict, run_id: str, deadline: float) -> None:
    pages = ["/en/", "/en/stories/", *targets["stories"], *targets["videos"], *targets["policy"]]
    feeds = ["/en/stories/feed/rss/", "/en/stories/feed/atom/", "/en/comments/feed/rss/"]
    feeds += [f"/en/comments/{pk}/feed/atom/" for pk in targets["story_ids"][:3]]
    pending: list[tuple[float, tuple]] = []
    sent = 0
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    while time.monotonic() < deadline:
        if pending and pending[0][0] <= time.monotonic():
            _, form = pending.pop(0)
            sent += 1
            reader.post_comment(form, f"soak {run_id} r{reader.number} c{sent}")
            continue
        kind = random.choices(kinds, weights)[0]
        if kind == "page":
            reader.request("page", "GET", random.choice(pages))
        elif kind == "search":
            reader.request(
                "search", "GET", f"/en/search/?q={quote(random.choice(targets['words']))}"
            )
        elif kind == "feed":
            reader.request("feed", "GET", random.choice(feeds))
        elif not pending and time.monotonic() + FILL_SECONDS < deadline:
            form = reader.read_form(random.choice(targets["stories"]))
            if form:
                pending.append((time.monotonic() + FILL_SECONDS, form))


def report(tally: Tally, seconds: float, load_start: float, in_database: list[str]) -> int:
    every = [value for values in tally.latencies.values() for value in values]
    load_1, load_5, _ = os.getloadavg()
    print(
        f"\n{time.strftime('%Y-%m-%d %H:%M %Z')}: {os.cpu_count()} CPUs, 1-minute load "
        f"average {load_start:.2f} at start, {load_1:.2f} at end (5-minute {load_5:.2f})"
    )
    print("kind | requests | req/s | p50 ms | p95 ms | p99 ms")
    print("--- | ---: | ---: | ---: | ---: | ---:")
    for kind, values in [*sorted(tally.latencies.items()), ("all", every)]:
        cells = [percentile(values, share) * 1000 for share in (0.5, 0.95, 0.99)]
        print(
            f"{kind} | {len(values)} | {len(values) / seconds:.1f} | "
            + " | ".join(f"{cell:.0f}" for cell in cells)
        )
    server_errors = sum(count for status, count in tally.statuses.items() if status >= 500)
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(tally.statuses.items()))
    print(f"\nstatuses: {statuses}; 5xx: {server_errors}; transport errors: {dict(tally.errors)}")
    outcomes = dict(sorted(tally.comment_outcomes.items(), key=str))
    missing = set(tally.accepted) - {body.rsplit(". ", 1)[-1] for body in in_database}
    print(
        f"comments: posted {sum(outcomes.values())} (by status {outcomes}), "
        f"accepted {len(tally.accepted)}, in the database {len(in_database)}, "
        f"missing {len(missing)}, rate-limited (429) {outcomes.get(429, 0)}"
    )
    return 1 if server_errors or tally.errors or missing or not tally.accepted else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    url, refusal = chosen_database(DEFAULT_URL, "soak")
    if refusal:
        print(f"soak: {refusal}")
        return 2
    ensure_database(url)
    static_root = tempfile.mkdtemp(prefix="clinic-soak-")
    base = {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1", "LOG_LEVEL": "WARNING"}
    dev = {**base, "DJANGO_SETTINGS_MODULE": "clinic_site.settings.dev"}
    run_id = uuid.uuid4().hex[:8]
    production = served_env(
        base,
        "clinic_site.settings.production",
        static_root,
        os.environ.get("SOAK_REDIS_URL", "redis://127.0.0.1:6379/6"),
        CACHE_KEY_PREFIX=f"soak-{run_id}",
        # The stand-in proxy: each reader's address arrives in X-Forwarded-For.
        TRUSTED_PROXY_COUNT="1",
    )
    print("migrating and loading the demo (seed_demo)…", flush=True)
    try:
        manage("migrate", "--no-input", env=dev)
        manage("seed_demo", env=dev)
        manage("collectstatic", "--no-input", "--verbosity", "0", env=production)
        found = manage("shell", "-c", FIND_TARGETS, env=dev, capture=True)
        targets = json.loads(found.strip().splitlines()[-1])
    except subprocess.CalledProcessError as error:
        print(f"soak: {shlex.join(error.cmd[1:])} failed with exit status {error.returncode}")
        return 2
    port = free_port()
    command = gunicorn_command(port)
    print("serving:", shlex.join(command[command.index("clinic_site.wsgi:application") :]))
    log = Path(static_root) / "gunicorn.log"
    tally = Tally()
    with log.open("wb") as output:
        server = subprocess.Popen(
            command, cwd=PROJECT, env=production, stdout=output, stderr=output
        )
        try:
            wait_until_healthy(port, server)
            load_start = os.getloadavg()[0]
            started = time.monotonic()
            deadline = started + args.seconds
            threads = [
                threading.Thread(
                    target=run_reader,
                    args=(Reader(port, tally, n + 1), targets, run_id, deadline),
                )
                for n in range(args.concurrency)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.monotonic() - started
        except RuntimeError as error:
            print(f"soak: {error} (gunicorn log: {log})")
            return 2
        finally:
            server.terminate()
            server.wait(timeout=30)
    code = COUNT_COMMENTS.format(marker=f"soak {run_id}")
    found = manage("shell", "-c", code, env=dev, capture=True)
    status = report(tally, seconds, load_start, json.loads(found.strip().splitlines()[-1]))
    print(f"gunicorn log: {log}")
    return status


if __name__ == "__main__":
    sys.exit(main())
