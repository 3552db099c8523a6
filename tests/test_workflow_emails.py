"""Review emails: one vocabulary ("changes requested"), one email per person per submission,
the sign-off comment in the "published" email, every link under WAGTAILADMIN_BASE_URL.

Each step goes through the admin over HTTP as the role users.
"""

from __future__ import annotations

import logging

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.blog_factories import make_story
from tests.workflow_factories import (
    current_task_state,
    make_consent,
    submit_for_review,
    workflow_action,
)
from workflow.groups import SIGNOFF_TASK
from workflow.models import StorytellerApproval
from workflow.notifications import notify_consent_unpublished

pytestmark = pytest.mark.django_db

BASE = "https://stories.example-hospital.org"


def to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_an_administrator_gets_one_email_per_submission(
    home_page, author, reviewer, comms, admin_user, client_for
):
    story = make_story(home_page, author=author, live=False)
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
    story = make_story(home_page, author=author, live=False)
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
    story = make_story(home_page, author=author, live=False)
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


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def prefers_spanish(person) -> None:
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "es"
    profile.save()


def test_consent_alerts_go_to_each_person_in_their_admin_language(home_page, author, comms):
    story = make_story(home_page, "Tomas and his son", author=author, live=False)
    prefers_spanish(comms)
    assert notify_consent_unpublished(story, ["the consent was revoked"]) == 0
    [to_comms] = to(comms.email)
    [to_author] = to(author.email)
    assert to_comms.subject.startswith("Retirada: «")
    assert not to_author.subject.startswith("Retirada: «")
    assert "Tomas and his son" in to_comms.subject and "Tomas and his son" in to_author.subject


@override_settings(EMAIL_BACKEND="tests.test_workflow_emails.BrokenMailServer")
def test_a_storyteller_link_that_cannot_be_sent_is_logged_and_not_kept(
    home_page, author, client_for, caplog
):
    story = make_story(
        home_page,
        author=author,
        live=False,
        storyteller_type="patient",
        consent_record=make_consent(email="rosa@example.org"),
        storyteller_approved=False,
    )
    send = reverse("workflow_storyteller_send", args=[story.pk])
    with caplog.at_level(logging.ERROR, logger="clinic_site.notifications"):
        response = client_for(author).post(send, follow=True)
    assert response.status_code == 200
    assert "The email could not be sent; please try again later." in response.content.decode()
    assert "Could not send the email workflow/storyteller/link to rosa@" in caplog.text
    assert not StorytellerApproval.objects.filter(page=story).exists()


@override_settings(EMAIL_BACKEND="tests.test_workflow_emails.BrokenMailServer")
def test_a_failing_mail_server_never_stops_a_review(home_page, author, reviewer, client_for):
    story = make_story(home_page, author=author, live=False)
    assert submit_for_review(client_for(author), story).status_code == 302
    assert workflow_action(client_for(reviewer), story, "approve", "Fine.").status_code == 302
    assert current_task_state(story).task.name == SIGNOFF_TASK
