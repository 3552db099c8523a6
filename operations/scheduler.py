"""The scheduler: run each job of ``settings.SCHEDULED_JOBS`` when due, record it, raise alarms.

A small loop on the database rather than a scheduler library: every job is "run when the last
start is older than its interval, or the last run failed", and that state has to live in the
database anyway (administrators see it, several scheduler processes must agree on it). An
in-memory scheduler (APScheduler 3.x) would add a second source of truth and its own job store
without removing any of this. Two processes never run the same job at once: each run holds a
PostgreSQL advisory lock (released by the server if the process dies), and the row is read again
under the lock, so a job that another process just ran is not run twice.
"""

from __future__ import annotations

import contextlib
import io
import logging
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import send_mail
from django.core.management import call_command, get_commands
from django.db import DatabaseError, connection
from django.urls import reverse
from django.utils import timezone

from .models import ScheduledJob

logger = logging.getLogger(__name__)

OUTPUT_LIMIT = 4000
# A story whose consent lapsed is taken down before scheduled pages go live in the same tick.
MUST_PRECEDE = [("enforce_consent", "publish_scheduled")]


@dataclass(frozen=True)
class JobSpec:
    """A job from settings: the management command it runs, how often, and its lock."""

    name: str
    interval: timedelta
    lock: str

    @property
    def every(self) -> str:
        """The interval as people say it: '1 h', '1 min', '1 day', '90 s'."""
        seconds = int(self.interval.total_seconds())
        for unit, size in (("day", 86400), ("h", 3600), ("min", 60)):
            if seconds % size == 0:
                count = seconds // size
                return f"{count} {unit}{'s' if unit == 'day' and count > 1 else ''}"
        return f"{seconds} s"


def job_specs() -> list[JobSpec]:
    """``settings.SCHEDULED_JOBS`` in running order, checked."""
    specs = []
    commands = get_commands()
    for name, options in settings.SCHEDULED_JOBS.items():
        seconds = int(options["every"])
        if seconds <= 0:
            raise ImproperlyConfigured(f"SCHEDULED_JOBS[{name!r}]['every'] must be positive.")
        if name not in commands:
            raise ImproperlyConfigured(f"SCHEDULED_JOBS names {name!r}: no such command.")
        specs.append(JobSpec(name, timedelta(seconds=seconds), options.get("lock", name)))
    order = [spec.name for spec in specs]
    for first, second in MUST_PRECEDE:
        if first in order and second in order and order.index(first) > order.index(second):
            raise ImproperlyConfigured(f"SCHEDULED_JOBS: {first} must come before {second}.")
    return specs


def is_due(job: ScheduledJob, spec: JobSpec, now) -> bool:
    """Never run, failed last time (retried on the next tick), or its interval has passed."""
    if job.last_started_at is None or job.last_outcome == ScheduledJob.FAILED:
        return True
    return now - job.last_started_at >= spec.interval


@contextlib.contextmanager
def job_lock(name: str) -> Iterator[bool]:
    """Hold a PostgreSQL session advisory lock for ``name``; yields False if another holds it.

    Other databases (SQLite in development) have no such lock: run one scheduler there.
    """
    if connection.vendor != "postgresql":
        yield True
        return
    key = f"clinic-scheduler:{name}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [key])
        held = cursor.fetchone()[0]
    if not held:
        yield False
        return
    try:
        yield True
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [key])
        except DatabaseError:
            connection.close()  # the lock went with the broken session


def report_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("operations_scheduled_jobs")


def notify_administrators(subject: str, body: str) -> int:
    """Email every active superuser who has an address; the number of recipients."""
    recipients = list(
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if recipients:
        send_mail(f"[{settings.WAGTAIL_SITE_NAME}] {subject}", body, None, recipients)
    return len(recipients)


def _tail(text: str) -> str:
    return text if len(text) <= OUTPUT_LIMIT else "…" + text[-OUTPUT_LIMIT:]


def run_job(spec: JobSpec) -> str:
    """Run one job under its lock if still due; 'succeeded', 'failed', 'locked' or 'not due'."""
    with job_lock(spec.lock) as held:
        if not held:
            return "locked"
        job = ScheduledJob.objects.get(name=spec.name)
        if job.last_outcome == ScheduledJob.RUNNING:
            # We hold the lock, so the process that started it is gone: run it again.
            logger.warning("Scheduled job %s: the previous run did not finish", spec.name)
        elif not is_due(job, spec, timezone.now()):
            return "not due"
        job.last_started_at = timezone.now()
        job.last_outcome = ScheduledJob.RUNNING
        job.overdue_alert_sent = False
        job.save(update_fields=["last_started_at", "last_outcome", "overdue_alert_sent"])

        output = io.StringIO()
        started = time.monotonic()
        try:
            call_command(spec.name, stdout=output, stderr=output)
        except Exception:
            error = traceback.format_exc()
        else:
            error = ""
        job.last_duration = timedelta(seconds=time.monotonic() - started)
        job.last_finished_at = timezone.now()
        job.last_output = _tail(output.getvalue())
        job.last_error = _tail(error)
        if error:
            job.last_outcome = ScheduledJob.FAILED
            job.consecutive_failures += 1
        else:
            job.last_outcome = ScheduledJob.SUCCEEDED
            job.last_succeeded_at = job.last_finished_at
            job.consecutive_failures = 0
            job.failure_alert_sent = False
        job.save()
        if error and not job.failure_alert_sent:
            _alert_failure(job)
        return job.last_outcome


def _alert_failure(job: ScheduledJob) -> None:
    body = (
        f"The scheduled job {job.name} failed at {job.last_finished_at:%Y-%m-%d %H:%M %Z}.\n"
        f"It is retried on every tick; you get one email until it succeeds again.\n\n"
        f"{job.error_summary}\n\nAll scheduled jobs: {report_url()}\n"
    )
    try:
        notify_administrators(f"Scheduled job {job.name} failed", body)
    except Exception:
        logger.exception("Scheduled job %s: could not email administrators", job.name)
        return
    ScheduledJob.objects.filter(pk=job.pk).update(failure_alert_sent=True)


def ensure_rows(specs: list[JobSpec]) -> dict[str, ScheduledJob]:
    """The job rows, created on first sight (the overdue clock starts then)."""
    for spec in specs:
        ScheduledJob.objects.get_or_create(name=spec.name)
    return {job.name: job for job in ScheduledJob.objects.filter(name__in=[s.name for s in specs])}


def alert_overdue(specs: list[JobSpec]) -> list[str]:
    """Email administrators once about each job not started for twice its interval."""
    now = timezone.now()
    jobs = ensure_rows(specs)
    overdue = []
    for spec in specs:
        job = jobs[spec.name]
        if not job.is_overdue(spec.interval, now):
            continue
        overdue.append(spec.name)
        # The conditional update lets exactly one process send the email.
        if not ScheduledJob.objects.filter(pk=job.pk, overdue_alert_sent=False).update(
            overdue_alert_sent=True
        ):
            continue
        since = job.last_started_at or job.created_at
        body = (
            f"The scheduled job {spec.name} should run every {spec.every} but has not "
            f"started since {since:%Y-%m-%d %H:%M %Z}. Is the scheduler process "
            f"(manage.py run_scheduler) running?\n\nAll scheduled jobs: {report_url()}\n"
        )
        try:
            notify_administrators(f"Scheduled job {spec.name} has not run", body)
        except Exception:
            logger.exception("Scheduled job %s: could not email administrators", spec.name)
            ScheduledJob.objects.filter(pk=job.pk).update(overdue_alert_sent=False)
    return overdue


def tick(specs: list[JobSpec]) -> list[tuple[str, str]]:
    """One pass: overdue alarms, then every due job in settings order; (job, outcome) pairs."""
    alert_overdue(specs)
    jobs = ensure_rows(specs)
    now = timezone.now()
    ran = []
    for spec in specs:
        job = jobs[spec.name]
        if is_due(job, spec, now) or job.last_outcome == ScheduledJob.RUNNING:
            ran.append((spec.name, run_job(spec)))
    return ran
