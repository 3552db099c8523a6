"""Moderation in the admin: only Communications and administrators, every decision logged."""

from __future__ import annotations

import datetime
import logging

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from comments.models import Comment
from tests.comments_support import add_comment
from tests.moderation_support import COMMENTS, assert_refused_everywhere, groups_holding

pytestmark = pytest.mark.django_db

QUEUE = COMMENTS.url
edit_url, bulk_url = COMMENTS.edit_url, COMMENTS.bulk_url


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_communications_holds_the_moderation_permission_and_no_other_group_does():
    assert groups_holding("moderate_comment", "comments") == ["Communications"]


@pytest.mark.parametrize("role", ["author", "reviewer"])
def test_authors_and_reviewers_are_refused_every_moderation_view(request, client_for, story, role):
    comment = add_comment(story, status="pending")
    client = client_for(request.getfixturevalue(role))
    assert_refused_everywhere(
        client,
        COMMENTS,
        comment,
        "Comments are moderated by Communications",
        bulk_actions=("spam", "delete"),
    )
    chooser = client.get("/admin/snippets/choose/comments/comment/", follow=True)
    assert chooser.status_code == 404  # no chooser that could list unmoderated comments
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert "Comments awaiting moderation" not in client.get("/admin/").content.decode()


@pytest.mark.parametrize("role", ["comms", "admin_user"])
def test_communications_and_administrators_see_the_queue(request, client_for, story, role):
    add_comment(
        story, "Please call me on 07700 900123", status="pending", flagged_identifiers=["phone"]
    )
    client = client_for(request.getfixturevalue(role))
    response = client.get(QUEUE)
    assert response.status_code == 200
    flagged = BeautifulSoup(response.content, "html.parser").find(
        "strong", class_="w-text-critical-200"
    )
    assert flagged.get_text(strip=True) == "phone number"


def test_the_queue_filters_by_status_story_and_flag(client_for, comms, story, video):
    add_comment(story, "Approved on story")
    add_comment(story, "Pending on story", status="pending")
    add_comment(video, "Pending flagged on video", status="pending", flagged_identifiers=["email"])
    client = client_for(comms)

    def listed(query: str) -> list[str]:
        html = client.get(f"{QUEUE}?{query}").content.decode()
        return sorted(
            t for t in ("Approved on", "Pending on story", "Pending flagged") if t in html
        )

    assert listed("status=pending") == ["Pending flagged", "Pending on story"]
    assert listed(f"page={video.pk}") == ["Pending flagged"]
    assert listed("flagged=true") == ["Pending flagged"]
    assert listed("flagged=false&status=approved") == ["Approved on"]


def test_dashboard_panel_shows_what_awaits_communications(client_for, comms, story):
    add_comment(story, status="pending")
    add_comment(story, status="pending", flagged_identifiers=["date_of_birth"])
    add_comment(story, status="approved")
    html = client_for(comms).get("/admin/").content.decode()
    assert "Comments awaiting moderation" in html
    assert "2 reader comments are waiting for a decision." in html
    assert "1 may contain personal details." in html
    assert f"{QUEUE}?status=pending" in html


def test_approving_publishes_logs_and_emails_the_author_and_the_reader(
    client_for, comms, author, story, django_capture_on_commit_callbacks
):
    comment = add_comment(
        story, status="pending", name="Kim", email="kim@example.org", notify_on_approval=True
    )
    client = client_for(comms)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(comment), {"status": "approved"})

    assert response.status_code == 302
    # The message says what was decided (Wagtail's own said "Comment '…' updated.").
    queue = client.get(response["Location"]).content.decode()
    assert "Comment by Kim approved." in queue and "&#x27; updated." not in queue
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.moderated_by == comms
    assert comment.moderated_at is not None
    entry = ModelLogEntry.objects.get(object_id=str(comment.pk), action="comments.approve")
    assert entry.user == comms
    assert entry.data["previous_status"] == "pending"
    assert sorted(m.to[0] for m in mail.outbox) == [author.email, "kim@example.org"]
    to_author = next(m for m in mail.outbox if m.to == [author.email])
    assert story.title in to_author.subject
    assert f"#comment-{comment.pk}" in to_author.body
    assert comment.email == ""  # the reader has been told; the address is no longer kept


def test_rejecting_needs_a_reason_which_is_logged(client_for, comms, story):
    comment = add_comment(story, status="pending", email="kim@example.org", notify_on_approval=True)
    client = client_for(comms)
    response = client.post(edit_url(comment), {"status": "rejected", "rejection_reason": ""})
    assert response.status_code == 200
    assert "Choose why the comment is rejected." in response.content.decode()

    response = client.post(
        edit_url(comment), {"status": "rejected", "rejection_reason": "medical_advice"}, follow=True
    )
    assert "Comment by Reader rejected." in response.content.decode()
    comment.refresh_from_db()
    assert (comment.status, comment.rejection_reason, comment.email) == (
        "rejected",
        "medical_advice",
        "",
    )
    entry = ModelLogEntry.objects.get(object_id=str(comment.pk), action="comments.reject")
    assert entry.data["reason"] == "medical_advice"
    history = client.get(f"{QUEUE}history/{comment.pk}/").content.decode()
    assert "Comment rejected: Asks for medical advice" in history
    assert not mail.outbox


def test_bulk_approve_reject_and_spam(client_for, comms, story, django_capture_on_commit_callbacks):
    first, second, third, fourth = (add_comment(story, status="pending") for _ in range(4))
    client = client_for(comms)

    confirm = client.get(bulk_url("approve", first, second))
    assert confirm.status_code == 200
    assert "This decision will apply to 2 comments" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(bulk_url("approve", first, second)).status_code == 302
    rejected = client.post(bulk_url("reject", third), {"reason": "off_topic"}, follow=True)
    assert "1 comment rejected." in rejected.content.decode()
    client.post(bulk_url("spam", fourth))

    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {
        first.pk: "approved",
        second.pk: "approved",
        third.pk: "rejected",
        fourth.pk: "spam",
    }
    assert Comment.objects.get(pk=third.pk).rejection_reason == "off_topic"
    actions = sorted(ModelLogEntry.objects.filter(user=comms).values_list("action", flat=True))
    assert actions == ["comments.approve"] * 2 + ["comments.reject", "comments.spam"]
    assert len(mail.outbox) == 2  # the story's author, once per approved comment


def test_bulk_reject_without_a_reason_changes_nothing(client_for, comms, story):
    comment = add_comment(story, status="pending")
    response = client_for(comms).post(bulk_url("reject", comment), {})
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_approving_twice_sends_one_email(
    client_for, comms, story, django_capture_on_commit_callbacks
):
    comment = add_comment(story, status="pending")
    client = client_for(comms)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(comment), {"status": "approved"})
        client.post(bulk_url("approve", comment))
    assert len(mail.outbox) == 1
    assert ModelLogEntry.objects.filter(action="comments.approve").count() == 1


@override_settings(EMAIL_BACKEND="tests.test_comments_moderation.BrokenMailServer")
def test_a_mail_failure_never_blocks_approval(
    client_for, comms, story, caplog, django_capture_on_commit_callbacks
):
    comment = add_comment(story, status="pending", email="kim@example.org", notify_on_approval=True)
    with (
        caplog.at_level(logging.ERROR, logger="clinic_site.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client_for(comms).post(edit_url(comment), {"status": "approved"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.email == "kim@example.org"  # not told yet, so not forgotten yet
    assert "Could not send the email comments/emails/approved_commenter to kim@" in caplog.text


def test_the_author_is_told_in_their_admin_language_and_the_reader_in_the_storys(
    client_for, comms, author, story, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(author)
    profile.preferred_language = "es"
    profile.save()
    comment = add_comment(
        story, status="pending", name="Kim", email="kim@example.org", notify_on_approval=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_for(comms).post(edit_url(comment), {"status": "approved"})
    to_author = next(m for m in mail.outbox if m.to == [author.email])
    to_reader = next(m for m in mail.outbox if m.to == ["kim@example.org"])
    spanish = f"Ya está publicado un comentario de un lector sobre «{story.title}»"
    assert to_author.subject == spanish
    assert to_author.body.startswith("Hola, Ana Torres:")
    assert to_reader.subject == f"Your comment on “{story.title}” is published"


def test_only_administrators_may_delete_a_comment(client_for, comms, admin_user, story):
    comment = add_comment(story)
    assert client_for(comms).post(f"{QUEUE}delete/{comment.pk}/").status_code == 403
    assert client_for(comms).post(bulk_url("delete", comment)).status_code == 403
    assert client_for(admin_user).post(f"{QUEUE}delete/{comment.pk}/").status_code == 302
    assert not Comment.objects.exists()


def test_nobody_writes_comments_in_the_admin(client_for, admin_user):
    assert client_for(admin_user).get(f"{QUEUE}add/").status_code == 403


def test_purge_clears_fingerprints_older_than_thirty_days(story, capsys):
    old = add_comment(story, fingerprint="a" * 64)
    Comment.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    recent = add_comment(story, fingerprint="b" * 64)

    call_command("purge_comment_fingerprints")

    assert Comment.objects.get(pk=old.pk).fingerprint == ""
    assert Comment.objects.get(pk=recent.pk).fingerprint == "b" * 64
    assert "Cleared the fingerprint of 1 comment(s)" in capsys.readouterr().out


def test_purge_refuses_a_negative_retention(story):
    with pytest.raises(CommandError, match="--days must be zero or more"):
        call_command("purge_comment_fingerprints", days=-1)
