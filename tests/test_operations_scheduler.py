"""The scheduler: jobs run in order and are recorded, failures and silences reach administrators."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from comments.management.commands.purge_comment_fingerprints import Command as PurgeCommand
from operations.models import ScheduledJob

pytestmark = pytest.mark.django_db

JOBS = [
    "enforce_consent",
    "publish_scheduled",
    "policy_review_reminders",
    "purge_comment_fingerprints",
    "searchpromotions_garbage_collect",
]
REPORT = "/admin/reports/scheduled-jobs/"


def tick() -> None:
    call_command("run_scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115


def job(name: str) -> ScheduledJob:
    return ScheduledJob.objects.get(name=name)


@pytest.fixture
def failing_purge(monkeypatch):
    """purge_comment_fingerprints fails as if its disk were full, until undone."""

    def handle(self, *args, **options):
        raise CommandError("could not write: disk full")

    monkeypatch.setattr(PurgeCommand, "handle", handle)
    return monkeypatch


def test_one_tick_runs_every_job_in_order_and_records_it(admin_user):
    tick()
    jobs = {name: job(name) for name in JOBS}
    assert {j.last_outcome for j in jobs.values()} == {ScheduledJob.SUCCEEDED}
    assert all(j.last_duration is not None and j.last_succeeded_at for j in jobs.values())
    assert "enforce_consent:" in jobs["enforce_consent"].last_output
    # Consent is enforced before scheduled pages may go live.
    assert jobs["enforce_consent"].last_finished_at <= jobs["publish_scheduled"].last_started_at
    tick()  # nothing is due again yet
    assert job("enforce_consent").last_started_at == jobs["enforce_consent"].last_started_at
    assert mail.outbox == []


def test_a_job_runs_again_when_its_interval_has_passed(admin_user):
    tick()
    first = job("publish_scheduled").last_started_at
    ScheduledJob.objects.filter(name="publish_scheduled").update(
        last_started_at=first - timedelta(seconds=61)
    )
    tick()
    assert job("publish_scheduled").last_started_at > first
    assert job("policy_review_reminders").last_started_at < first + timedelta(seconds=60)


def test_a_failing_job_is_reported_once_and_retried_on_every_tick(admin_user, failing_purge):
    tick()
    failed = job("purge_comment_fingerprints")
    assert failed.last_outcome == ScheduledJob.FAILED
    assert failed.error_summary.endswith("could not write: disk full")
    assert job("searchpromotions_garbage_collect").last_outcome == ScheduledJob.SUCCEEDED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [admin_user.email]
    assert message.subject == "[Clinic Stories] Scheduled job purge_comment_fingerprints failed"
    assert "disk full" in message.body and REPORT in message.body

    tick()  # retried, not skipped; still one email for this incident
    retried = job("purge_comment_fingerprints")
    assert retried.last_started_at > failed.last_started_at
    assert retried.consecutive_failures == 2
    assert len(mail.outbox) == 1

    failing_purge.undo()
    tick()
    recovered = job("purge_comment_fingerprints")
    assert recovered.last_outcome == ScheduledJob.SUCCEEDED
    assert (recovered.consecutive_failures, recovered.last_error) == (0, "")
    assert not recovered.failure_alert_sent


def test_a_job_silent_for_twice_its_interval_is_reported_once(admin_user):
    tick()
    ScheduledJob.objects.filter(name="enforce_consent").update(
        last_started_at=timezone.now() - timedelta(hours=2, minutes=1)
    )
    with pytest.raises(CommandError, match="1 scheduled job"):
        call_command("run_scheduler", "--check", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.subject for m in mail.outbox] == [
        "[Clinic Stories] Scheduled job enforce_consent has not run"
    ]
    with pytest.raises(CommandError):
        call_command("run_scheduler", "--check", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    tick()  # it runs again: the incident is over
    assert not job("enforce_consent").overdue_alert_sent
    call_command("run_scheduler", "--check", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.postgres(reason="advisory locks are PostgreSQL's")
def test_a_job_held_by_another_scheduler_is_not_run_twice(admin_user):
    settings = connection.settings_dict
    other = psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"] or "postgres",
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        autocommit=True,
    )
    try:
        other.execute("SELECT pg_advisory_lock(hashtext('clinic-scheduler:publishing'))")
        tick()
    finally:
        other.close()
    # enforce_consent and publish_scheduled share the lock: neither ran, the rest did.
    assert job("enforce_consent").last_started_at is None
    assert job("publish_scheduled").last_started_at is None
    assert job("policy_review_reminders").last_outcome == ScheduledJob.SUCCEEDED
    tick()  # the other process is gone: they run on the next tick
    assert job("publish_scheduled").last_outcome == ScheduledJob.SUCCEEDED


@override_settings(
    SCHEDULED_JOBS={"publish_scheduled": {"every": 60}, "enforce_consent": {"every": 3600}}
)
def test_scheduled_pages_cannot_be_ordered_before_consent_enforcement(db):
    with pytest.raises(ImproperlyConfigured, match="enforce_consent must come before"):
        tick()


def test_administrators_see_each_job_in_the_admin(admin_user, client_for, failing_purge):
    tick()
    response = client_for(admin_user).get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    for name in JOBS:
        assert name in html
    assert "Failed" in html and "could not write: disk full" in html
    assert "Succeeded" in html


def test_communications_cannot_see_the_scheduled_jobs(comms, client_for):
    response = client_for(comms).get(REPORT)
    assert response.status_code == 403
    admin_home = client_for(comms).get("/admin/").content.decode()
    assert REPORT not in admin_home


def test_the_dashboard_tells_administrators_about_a_failing_job(
    admin_user, comms, client_for, failing_purge
):
    tick()
    ScheduledJob.objects.filter(name="publish_scheduled").update(
        last_started_at=timezone.now() - timedelta(minutes=3)
    )
    html = client_for(admin_user).get("/admin/").content.decode()
    assert "Scheduled jobs need attention" in html
    assert "purge_comment_fingerprints" in html and "could not write: disk full" in html
    # Looked for in the jobs' panel: the Reports menu says "Overdue reviews" on every page.
    attention = html.split("Scheduled jobs need attention")[1]
    assert "publish_scheduled" in attention and "Overdue" in attention
    assert "enforce_consent" not in attention[:2000]
    comms_home = client_for(comms).get("/admin/").content.decode()
    assert "Scheduled jobs need attention" not in comms_home

    failing_purge.undo()
    ScheduledJob.objects.update(last_outcome=ScheduledJob.FAILED)
    tick()  # every job succeeds again: the panel goes away
    assert (
        "Scheduled jobs need attention"
        not in client_for(admin_user).get("/admin/").content.decode()
    )
