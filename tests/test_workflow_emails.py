"""Review emails: one vocabulary ("changes requested"), one email per person per submission,
the sign-off comment in the "published" email, every link under WAGTAILADMIN_BASE_URL.

Each step goes through the admin over HTTP as the role users.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.workflow_factories import (
    current_task_state,
    draft_story,
    submit_for_review,
    workflow_action,
)
from workflow.groups import SIGNOFF_TASK

pytestmark = pytest.mark.django_db

BASE = "https://stories.example-hospital.org"


def to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_an_administrator_gets_one_email_per_submission(
    home_page, author, reviewer, comms, admin_user, client_for
):
    story = draft_story(home_page, author)
    mail.outbox.clear()
    assert submit_for_review(client_for(author), story).status_code == 302
    assert len(to(admin_user.email)) == 1
    assert len(to(reviewer.email)) == 1
    [email] = to(admin_user.email)
    assert story.title in email.subject and "submitted" in email.subject


@override_settings(WAGTAILADMIN_BASE_URL=BASE, WAGTAILADMIN_NOTIFICATION_USE_HTML=True)
def test_changes_requested_is_said_the_same_way_as_the_button(
    home_page, author, reviewer, client_for
):
    story = draft_story(home_page, author)
    submit_for_review(client_for(author), story)
    mail.outbox.clear()
    comment = "Please name the ward."
    assert workflow_action(client_for(reviewer), story, "reject", comment).status_code == 302
    [email] = to(author.email)
    assert email.subject == f"Changes requested: “{story.title}” at “Clinical review”"
    body = email.body + email.alternatives[0][0]
    assert "rejected" not in (email.subject + body).lower()
    assert f"What needs to change: “{comment}”" in email.body
    assert f"{BASE}/admin/pages/{story.pk}/edit/" in email.body
    # The page's history says it the same way.
    history = client_for(author).get(reverse("wagtailadmin_pages:history", args=[story.pk]))
    text = history.content.decode()
    assert "Changes requested at “Clinical review”" in text and comment in text
    assert "Rejected at" not in text


@override_settings(WAGTAILADMIN_BASE_URL=BASE, WAGTAILADMIN_NOTIFICATION_USE_HTML=True)
def test_the_published_email_carries_the_sign_off_comment_and_links_under_one_base(
    home_page, author, reviewer, comms, client_for
):
    story = draft_story(home_page, author)
    submit_for_review(client_for(author), story)
    workflow_action(client_for(reviewer), story, "approve", "Accurate.")
    assert current_task_state(story).task.name == SIGNOFF_TASK
    mail.outbox.clear()
    comment = "Lovely story: scheduled for the newsletter too."
    assert workflow_action(client_for(comms), story, "approve", comment).status_code == 302
    story.refresh_from_db()
    assert story.live
    [email] = to(author.email)
    assert f"Sign-off comment from Jordan Lee: “{comment}”" in email.body
    links = [word for word in email.body.split() if "://" in word]
    assert f"{BASE}{story.url}" in links  # the live page
    assert f"{BASE}/admin/pages/{story.pk}/edit/" in links  # the editor
    assert all(link.startswith(BASE) for link in links), links
    html = email.alternatives[0][0]
    assert f'href="{BASE}{story.url}"' in html and comment in html
