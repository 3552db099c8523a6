"""``manage.py run_scheduler``: the process that runs the site's scheduled jobs (see README)."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from operations.models import ScheduledJob
from operations.scheduler import alert_overdue, ensure_rows, job_specs, tick


class Command(BaseCommand):
    help = (
        "Run the jobs of SCHEDULED_JOBS when due, every SCHEDULER_TICK_SECONDS, until stopped. "
        "--once runs one tick; --check reports each job and exits 1 if one failed or is overdue."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--once", action="store_true", help="Run one tick and exit.")
        mode.add_argument(
            "--check",
            action="store_true",
            help="Print each job's state, email about overdue jobs, exit 1 on any problem.",
        )

    def handle(self, *args: Any, once: bool, check: bool, **options: Any) -> None:
        specs = job_specs()
        if check:
            self.check_jobs(specs)
            return
        if once:
            self.run_tick(specs)
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        names = ", ".join(f"{spec.name} every {spec.every}" for spec in specs)
        self.stdout.write(f"scheduler: started; {names}", ending="\n")
        self.stdout.flush()
        while not stop.is_set():
            close_old_connections()
            try:
                self.run_tick(specs)
            except DatabaseError as error:
                # The database is away: say so once per tick and try again on the next one.
                reason = " ".join(str(error).split())
                self.stderr.write(f"scheduler: database unavailable: {reason}")
                connection.close()
            stop.wait(settings.SCHEDULER_TICK_SECONDS)
        self.stdout.write("scheduler: stopped")

    def run_tick(self, specs) -> None:
        for name, outcome in tick(specs):
            if outcome in {ScheduledJob.SUCCEEDED, ScheduledJob.FAILED}:
                job = ScheduledJob.objects.get(name=name)
                seconds = job.last_duration.total_seconds()
                detail = f": {job.error_summary}" if job.error_summary else ""
                stamp = f"{timezone.now():%H:%M:%S}"
                self.stdout.write(f"{stamp} {name} {outcome} in {seconds:.2f} s{detail}")
        self.stdout.flush()

    def check_jobs(self, specs) -> None:
        overdue = set(alert_overdue(specs))
        jobs = ensure_rows(specs)
        problems = 0
        for spec in specs:
            job = jobs[spec.name]
            state = job.get_last_outcome_display().lower()
            if spec.name in overdue:
                state = "overdue"
            when = f"{job.last_started_at:%Y-%m-%d %H:%M %Z}" if job.last_started_at else "never"
            problems += state in {"overdue", "failed"}
            self.stdout.write(f"{spec.name}: {state} (last started {when}, every {spec.every})")
        if problems:
            raise CommandError(f"{problems} scheduled job(s) failed or overdue")
