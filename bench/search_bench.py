"""Search benchmark: generated stories in PostgreSQL, varied queries through the search view.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clinic_bench python bench/search_bench.py

Creates the database if it is missing, migrates it, tops the generated stories up to
``--stories`` (``manage.py generate_stories``), then sends ``--queries`` varied searches
(words, word beginnings, other word forms, filters, later pages, misses) to ``/en/search/``
through Django's test client and prints p50/p95/max latency. Only a database whose name contains
"bench" is used, so a real database is never filled with generated stories.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script
from bench.harness import chosen_database, ensure_database, percentile

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/clinic_bench"
WARM_UP = 10


def bench_queries(count: int, seed: int) -> list[str]:
    """``count`` search addresses, varied the way readers vary them (repeatable with ``seed``)."""
    from demo import stories_vocabulary as words

    rng = random.Random(seed)
    conditions = [condition for condition, _department, _tag in words.CONDITIONS]
    departments = [department for _condition, department, _tag in words.CONDITIONS]
    tags = sorted({tag for _condition, _department, tag in words.CONDITIONS})
    slugs = [tag.lower().replace(" ", "-") for tag in tags]
    single = [
        "knee",
        "NICU",
        "nurse",
        "cancer",
        "heart",
        "stroke",
        "surgeon",
        "midwife",
        "physiotherapy",
        "diabetes",
        "scared",
        "grateful",
        "emergency",
        "transplant",
        "dementia",
        "asthma",
        "porter",
        "chaplain",
        "night",
        "Christmas",
    ]
    other_forms = [
        "running",
        "nurses",
        "surgeons",
        "recovering",
        "explained",
        "waited",
        "operations",
        "families",
        "diagnosed",
        "listening",
    ]
    # Words as readers type them, before they finish.
    beginnings = ["physio", "cardio", "surg", "diabet", "emerg", "transpl", "midw", "oncol"]
    misses = ["xylophone", "kneee", "cardiolgy", "zzzz", "quantum chromodynamics"]
    storytellers = ["patient", "family", "friend", "staff"]

    addresses = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.27:
            params = {"q": rng.choice(single)}
        elif roll < 0.35:
            params = {"q": rng.choice(beginnings)}
        elif roll < 0.55:
            params = {"q": rng.choice(conditions + departments)}
        elif roll < 0.65:
            params = {"q": rng.choice(other_forms)}
        elif roll < 0.77:
            params = {
                "q": rng.choice(single),
                "type": "story",
                "storyteller": rng.choice(storytellers),
            }
        elif roll < 0.85:
            params = {"q": rng.choice(single + conditions), "tag": rng.choice(slugs)}
        elif roll < 0.92:
            params = {"q": rng.choice(single), "page": str(rng.randint(2, 6))}
        elif roll < 0.96:
            params = {"q": rng.choice(misses)}
        else:
            params = {"tag": rng.choice(slugs), "storyteller": rng.choice(storytellers)}
        addresses.append(f"/en/search/?{urlencode(params)}")
    return addresses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    url, refusal = chosen_database(DEFAULT_URL, "bench")
    if refusal:
        print(f"search_bench: {refusal}")
        return 2
    ensure_database(url)

    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings.test"  # DEBUG off
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from wagtail.search.models import IndexEntry

    call_command("migrate", verbosity=0)
    call_command("generate_stories", count=args.stories, top_up=True)

    client = Client()
    addresses = bench_queries(args.queries, args.seed)
    for address in addresses[:WARM_UP]:
        client.get(address)
    timings: list[tuple[float, str]] = []
    failures = []
    for address in addresses:
        started = time.perf_counter()
        response = client.get(address)
        timings.append(((time.perf_counter() - started) * 1000, address))
        if response.status_code != 200:
            failures.append((address, response.status_code))

    milliseconds = [ms for ms, _address in timings]
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
    print(
        f"{len(addresses)} searches over {IndexEntry.objects.count()} index entries "
        f"(PostgreSQL {server}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}, "
        f"Python {platform.python_version()})"
    )
    print(
        f"p50 {statistics.median(milliseconds):.1f} ms, p95 {percentile(milliseconds, 0.95):.1f} "
        f"ms, max {max(milliseconds):.1f} ms, mean {statistics.fmean(milliseconds):.1f} ms"
    )
    print("slowest:", ", ".join(f"{ms:.0f} ms {address}" for ms, address in sorted(timings)[-3:]))
    for address, status in failures:
        print(f"FAILED {status} {address}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
