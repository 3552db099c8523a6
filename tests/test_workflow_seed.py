"""seed_demo leaves the demo roles a real inbox and consents in every state."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from blog.models import StoryPage
from tests.workflow_factories import current_task_state, edit_url, offered_actions
from workflow.groups import CLINICAL_REVIEW_TASK, SIGNOFF_TASK

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_demo):
    """The demo's author, reviewer and communications users by username."""
    return get_user_model().objects.in_bulk(["author", "reviewer", "comms"], field_name="username")


def english(slug: str) -> StoryPage:
    return StoryPage.objects.get(slug=slug, locale__language_code="en")


def test_demo_users_find_their_review_inbox(demo, client):
    author, reviewer, comms = demo["author"], demo["reviewer"], demo["comms"]
    awaiting_clinical = english("breathing-again-after-pulmonary-rehab")
    awaiting_signoff = english("a-day-with-the-hospital-pharmacists")
    sent_back = english("visiting-hours-with-my-best-friend")

    assert current_task_state(awaiting_clinical).task.name == CLINICAL_REVIEW_TASK
    assert "approve" in offered_actions(awaiting_clinical, reviewer)
    assert current_task_state(awaiting_signoff).task.name == SIGNOFF_TASK
    assert "approve" in offered_actions(awaiting_signoff, comms)
    assert awaiting_signoff.reviewed_by_name == "Samir Patel"

    client.force_login(reviewer)
    inbox = client.get(reverse("wagtailadmin_home")).content.decode()
    assert awaiting_clinical.title in inbox and awaiting_signoff.title not in inbox
    client.force_login(comms)
    inbox = client.get(reverse("wagtailadmin_home")).content.decode()
    assert awaiting_signoff.title in inbox
    client.force_login(author)
    editor = client.get(edit_url(sent_back)).content.decode()
    assert "Changes requested at “Clinical review” by Samir Patel" in editor
    assert "consent form is not signed yet" in editor


def test_demo_consents_are_valid_expiring_and_expired(demo, client):
    today = timezone.localdate()
    expiring = english("my-fathers-last-weeks")
    expired = english("living-with-diabetes-with-a-little-help")
    assert english("the-night-my-heart-skipped").consent_record.is_valid()
    assert expiring.live
    assert expiring.consent_record.expires_on == today + datetime.timedelta(days=10)
    assert not expired.live and not expired.consent_record.is_valid()
    assert client.get(f"/en/stories/{expired.slug}/").status_code == 404

    out = io.StringIO()
    call_command("enforce_consent", stdout=out)
    assert out.getvalue().startswith("enforce_consent: 0 page(s) unpublished")


def test_demo_has_a_story_due_for_clinical_rereview(demo, client):
    client.force_login(demo["reviewer"])
    report = client.get(reverse("workflow_rereview_report")).content.decode()
    assert "What I tell patients the evening before surgery" in report
    assert "The night my heart skipped" not in report
    html = client.get("/en/stories/the-night-my-heart-skipped/").content.decode()
    assert "Clinically reviewed by Samir Patel on" in html
