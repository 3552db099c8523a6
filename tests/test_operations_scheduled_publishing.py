"""The scheduler and the consent rules together: a tick publishes an approved story when its
go-live comes, and never one whose consent lapsed after approval (enforce_consent runs first,
and scheduled go-live goes through the publishing guard)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from operations.models import ScheduledJob
from tests import test_workflow_integrity_publishing
from tests.test_workflow_integrity_publishing import go_live_time_passes
from workflow.models import ConsentRecord

pytestmark = pytest.mark.django_db

# A patient story approved by both stages, to go live in two days (shared fixture).
scheduled_story = test_workflow_integrity_publishing.scheduled_story


def tick() -> None:
    call_command("run_scheduler", "--once", stdout=io.StringIO())


def test_a_tick_publishes_an_approved_story_when_its_go_live_comes(scheduled_story):
    tick()
    assert not Page.objects.get(pk=scheduled_story.pk).live
    go_live_time_passes(scheduled_story)
    ScheduledJob.objects.filter(name="publish_scheduled").update(
        last_started_at=timezone.now() - timedelta(minutes=2)
    )
    tick()
    assert Page.objects.get(pk=scheduled_story.pk).live


def test_a_tick_never_publishes_a_story_whose_consent_was_revoked_after_approval(
    scheduled_story,
):
    ConsentRecord.objects.filter(pk=scheduled_story.consent_record_id).update(
        revoked_at=timezone.now(), revocation_note="The patient withdrew consent by phone."
    )
    go_live_time_passes(scheduled_story)
    tick()
    page = Page.objects.get(pk=scheduled_story.pk)
    assert not page.live and page.live_revision_id is None
    enforce, publish = (
        ScheduledJob.objects.get(name="enforce_consent"),
        ScheduledJob.objects.get(name="publish_scheduled"),
    )
    assert enforce.last_finished_at <= publish.last_started_at
    assert {enforce.last_outcome, publish.last_outcome} == {ScheduledJob.SUCCEEDED}
