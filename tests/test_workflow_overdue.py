"""Reviews that stall: due times in working days, the dashboard panel, the report, the daily
reminder and the escalation, each sent once and recorded in the page's history."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageLogEntry, Task, TaskState, Workflow
from wagtail.users.models import UserProfile

from operations.scheduler import job_specs
from tests.blog_factories import make_story
from workflow.groups import SIGNOFF_TASK, WORKFLOW_NAME
from workflow.overdue import (
    OVERDUE_ESCALATION_ACTION,
    OVERDUE_REMINDER_ACTION,
    add_working_days,
    open_review_states,
    overdue_for_user,
    overdue_reviews,
    send_overdue_reminders,
)
from workflow.overdue_admin import OverdueReviewsPanel

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# Monday 30 November 2026 is the first day of this week; "now" is Wednesday at 10:00.
WEDNESDAY = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
DASHBOARD = "/admin/"
REPORT = "/admin/reports/overdue-reviews/"


def in_clinical_review(home_page, author, started_at: datetime.datetime, title: str = ""):
    """A story submitted for review, its clinical stage started at ``started_at``."""
    story = make_story(home_page, author=author, live=False, **({"title": title} if title else {}))
    Workflow.objects.get(name=WORKFLOW_NAME).start(story, author)
    state = TaskState.objects.get(workflow_state__object_id=str(story.pk))
    TaskState.objects.filter(pk=state.pk).update(started_at=started_at)
    mail.outbox.clear()  # the "awaits your review" emails of the submission
    return story


def working_days_ago(days: int) -> datetime.datetime:
    moment = timezone.now()
    while days:
        moment -= datetime.timedelta(days=1)
        days -= timezone.localtime(moment).weekday() < 5
    return moment


def overdue_titles(now: datetime.datetime) -> list[str]:
    return [review.page.title for review in overdue_reviews(open_review_states(), now)]


def remind() -> str:
    out = StringIO()
    call_command("remind_overdue_reviews", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_working_days_skip_the_weekend():
    monday = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    friday = datetime.datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    saturday = datetime.datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
    assert add_working_days(monday, 3) == datetime.datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    assert add_working_days(friday, 3) == datetime.datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    assert add_working_days(saturday, 1) == datetime.datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def test_four_working_days_is_overdue_two_is_not_and_weekends_do_not_count(home_page, author):
    # Clinical review has 3 working days (settings.REVIEW_TASK_DUE).
    in_clinical_review(home_page, author, WEDNESDAY - datetime.timedelta(days=6), "Four days")
    in_clinical_review(home_page, author, WEDNESDAY - datetime.timedelta(days=2), "Two days")
    # Friday 10:00 to Wednesday 10:00 is five calendar days but three working days: due now.
    in_clinical_review(home_page, author, WEDNESDAY - datetime.timedelta(days=5), "Over a weekend")
    assert overdue_titles(WEDNESDAY - datetime.timedelta(hours=1)) == ["Four days"]
    assert overdue_titles(WEDNESDAY) == ["Four days", "Over a weekend"]


def test_dashboard_shows_overdue_reviews_to_the_stage_group_only(
    home_page, author, reviewer, comms, client_for
):
    now = timezone.now()
    in_clinical_review(home_page, author, now - datetime.timedelta(days=10), "Stalled knee story")
    in_clinical_review(home_page, author, now, "Fresh heart story")

    page = client_for(reviewer).get(DASHBOARD).content.decode()
    panel = page.split('id="overdue-reviews-section"')[1].split("</section>")[0]
    assert "Overdue reviews" in panel  # the panel's heading (the menu says it on every page)
    assert "Stalled knee story" in panel
    assert "Fresh heart story" not in panel

    # Authors and the other stage's group see no such panel (the author still sees the page
    # under Wagtail's "Your pages in a workflow").
    for person in (author, comms):
        page = client_for(person).get(DASHBOARD).content.decode()
        assert 'id="overdue-reviews-section"' not in page


def test_report_lists_overdue_reviews_for_review_staff_and_refuses_authors(
    home_page, author, reviewer, comms, admin_user, client_for
):
    now = timezone.now()
    in_clinical_review(home_page, author, now - datetime.timedelta(days=10), "Stalled knee story")
    in_clinical_review(home_page, author, now, "Fresh heart story")

    refused = client_for(author).get(REPORT)
    assert refused.status_code == 403
    assert "Stalled knee story" not in refused.content.decode()
    for person in (reviewer, comms, admin_user):
        response = client_for(person).get(REPORT)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Stalled knee story" in content
        assert "Fresh heart story" not in content

    # Filtered to the sign-off stage, the clinical one is not listed.
    signoff = Task.objects.get(name=SIGNOFF_TASK)
    content = client_for(reviewer).get(REPORT, {"task": signoff.pk}).content.decode()
    assert "Stalled knee story" not in content
    assert "No review is past its due time." in content


def test_reports_menu_offers_the_report_to_review_staff_only(author, reviewer, client_for):
    assert REPORT in client_for(reviewer).get(DASHBOARD).content.decode()
    assert REPORT not in client_for(author).get(DASHBOARD).content.decode()


def test_reminder_goes_to_the_group_once_a_day_and_is_logged(
    home_page, author, reviewer, second_reviewer, comms
):
    # Four working days: overdue by one, not yet escalated (Communications hear nothing).
    started = working_days_ago(4)
    story = in_clinical_review(home_page, author, started, "Stalled knee story")
    assert "1 stage(s) reminded, 0 escalated" in remind()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "reviewer2@example.org",
        "reviewer@example.org",
    ]
    assert "Stalled knee story" in mail.outbox[0].subject
    assert f"/admin/pages/{story.pk}/edit/" in mail.outbox[0].body

    remind()  # the same day again, as after a restart: nothing more
    assert len(mail.outbox) == 2
    entries = PageLogEntry.objects.filter(page=story, action=OVERDUE_REMINDER_ACTION)
    assert entries.count() == 1
    assert entries.get().data["recipients"] == 2


def test_reminder_is_written_in_each_reviewers_language(home_page, author, reviewer):
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "es"
    profile.save()
    in_clinical_review(home_page, author, timezone.now() - datetime.timedelta(days=10), "Rodilla")
    remind()
    assert [message.subject for message in mail.outbox] == [
        "Revisión atrasada: «Rodilla» en «Clinical review»"
    ]


@override_settings(REVIEW_ESCALATION_EMAILS=["head.of.comms@example.org"])
def test_escalation_after_the_second_interval_once_and_logged(home_page, author, reviewer):
    # Started Thursday 26 November 10:00: due Tuesday 1 December, escalated from Thursday 3.
    story = in_clinical_review(home_page, author, WEDNESDAY - datetime.timedelta(days=6))
    thursday = WEDNESDAY + datetime.timedelta(days=1)

    outcome = send_overdue_reminders(WEDNESDAY)
    assert (outcome.reminded, outcome.escalated) == (1, 0)
    assert [message.to for message in mail.outbox] == [["reviewer@example.org"]]

    mail.outbox.clear()
    outcome = send_overdue_reminders(thursday)
    assert (outcome.reminded, outcome.escalated) == (1, 1)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "head.of.comms@example.org",
        "reviewer@example.org",
    ]
    escalation = next(m for m in mail.outbox if m.to == ["head.of.comms@example.org"])
    assert escalation.subject.startswith("Stalled review:")

    mail.outbox.clear()
    send_overdue_reminders(thursday)  # run again the same day
    outcome = send_overdue_reminders(thursday + datetime.timedelta(days=1))  # Friday
    assert (outcome.reminded, outcome.escalated) == (1, 0)
    assert [message.to for message in mail.outbox] == [["reviewer@example.org"]]

    history = PageLogEntry.objects.filter(page=story)
    assert history.filter(action=OVERDUE_REMINDER_ACTION).count() == 3
    assert history.filter(action=OVERDUE_ESCALATION_ACTION).count() == 1


def test_escalation_goes_to_communications_when_no_leads_are_configured(
    home_page, author, reviewer, comms
):
    in_clinical_review(home_page, author, WEDNESDAY - datetime.timedelta(days=10))
    outcome = send_overdue_reminders(WEDNESDAY)
    assert outcome.escalated == 1
    assert ["comms@example.org"] in [message.to for message in mail.outbox]


def test_a_finished_review_is_no_longer_chased(home_page, author, reviewer):
    story = in_clinical_review(home_page, author, WEDNESDAY - datetime.timedelta(days=6))
    story.current_workflow_state.cancel(user=author)
    assert send_overdue_reminders(WEDNESDAY).emails == 0
    assert overdue_titles(WEDNESDAY) == []


def test_the_scheduler_runs_the_reminder_daily():
    spec = next(spec for spec in job_specs() if spec.name == "remind_overdue_reviews")
    assert spec.interval == datetime.timedelta(days=1)


def test_the_report_and_the_dashboard_panel_take_the_same_queries_for_one_or_many(
    home_page, author, reviewer, client_for
):
    client = client_for(reviewer)
    started = timezone.now() - datetime.timedelta(days=10)

    def report_queries() -> int:
        client.get(REPORT)  # warm the per-process caches (content types, locales)
        with CaptureQueriesContext(connection) as captured:
            assert "Stalled story 0" in client.get(REPORT).content.decode()
        return len(captured)

    def panel_queries() -> int:
        overdue_for_user(reviewer)  # warm, as above
        with CaptureQueriesContext(connection) as captured:
            html = OverdueReviewsPanel(overdue_for_user(reviewer)).render_html({})
        assert "Stalled story 0" in html
        return len(captured)

    in_clinical_review(home_page, author, started, "Stalled story 0")
    one = (report_queries(), panel_queries())
    for number in range(1, 8):
        in_clinical_review(home_page, author, started, f"Stalled story {number}")
    assert (report_queries(), panel_queries()) == one
