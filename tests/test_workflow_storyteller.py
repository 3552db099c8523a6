"""The storyteller approves the text of their story: the editor sends a one-time link, the
storyteller decides over HTTP without an account, and clinical review waits for that decision."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import PageLogEntry

from tests.blog_factories import make_story
from tests.conftest import make_user
from tests.test_workflow_review import assert_refused
from tests.workflow_factories import (
    current_task_state,
    edit_url,
    make_consent,
    offered_actions,
    save_draft,
    submit_for_review,
    workflow_action,
)
from workflow.groups import CLINICAL_REVIEW_TASK, SIGNOFF_TASK
from workflow.models import ConsentRecord, StorytellerApproval
from workflow.storyteller import DECISION_ACTION, LINK_SENT_ACTION

pytestmark = pytest.mark.django_db

STORYTELLER = "rosa.delgado@example.org"
NOT_APPROVED = "The storyteller has not approved this version yet."


@pytest.fixture
def story(home_page, author):
    """A patient's story whose storyteller has not been asked yet."""
    record = make_consent(person_name="Rosa Delgado", email=STORYTELLER)
    return make_story(
        home_page,
        author=author,
        live=False,
        storyteller_type="patient",
        consent_record=record,
        storyteller_approved=False,
        title="Rosa and her heart",
    )


def send_url(page) -> str:
    return reverse("workflow_storyteller_send", args=[page.pk])


def send_link(client, page) -> str:
    """Press "Send the link" as the editor; return the link's path from the storyteller's email."""
    mail.outbox.clear()
    response = client.post(send_url(page))
    assert response.status_code == 302, response
    [message] = [message for message in mail.outbox if STORYTELLER in message.to]
    return re.search(r"https?://[^/\s]+(/storyteller/[^/\s]+/)", message.body).group(1)


def decide(client, link: str, decision: str, comment: str = ""):
    return client.post(link, {"decision": decision, "comment": comment})


def test_author_asks_storyteller_who_approves_then_clinical_review_may_approve(
    story, author, reviewer, client, client_for
):
    editor = client_for(author).get(edit_url(story)).content.decode()
    assert "Ask the storyteller to approve" in editor
    link = send_link(client_for(author), story)
    assert mail.outbox[0].subject == "Please approve your story “Rosa and her heart”"
    sent = PageLogEntry.objects.get(page=story, action=LINK_SENT_ACTION)
    assert sent.user == author

    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert "Rosa and her heart" in page.content.decode()
    mail.outbox.clear()
    thanks = decide(client, link, "approved")
    assert thanks.status_code == 200
    assert "You approved the text of your story" in thanks.content.decode()

    approval = StorytellerApproval.objects.get(page=story)
    assert approval.decision == "approved"
    assert approval.decided_by_name == "Rosa Delgado"
    assert approval.revision == story.get_latest_revision()
    assert approval.consent_record.storyteller_approvals.get() == approval
    entry = PageLogEntry.objects.get(page=story, action=DECISION_ACTION)
    assert entry.data["decision"] == "approved"
    assert entry.revision_id == approval.revision_id
    [note] = mail.outbox
    assert note.to == [author.email]
    assert note.subject == "The storyteller approved “Rosa and her heart”"

    # Submitting saves an identical revision: the approval holds for it.
    submit_for_review(client_for(author), story)
    assert current_task_state(story).task.name == CLINICAL_REVIEW_TASK
    assert "approve" in offered_actions(story, reviewer)
    assert workflow_action(client_for(reviewer), story, "approve").status_code == 302
    assert current_task_state(story).task.name == SIGNOFF_TASK


def test_without_the_storytellers_approval_the_story_cannot_be_submitted(story, author, client_for):
    client = client_for(author)
    submit_for_review(client, story)
    assert current_task_state(story) is None
    assert NOT_APPROVED in client.get(edit_url(story)).content.decode()


def test_changes_requested_by_the_storyteller_block_clinical_approval_with_the_comment(
    story, author, reviewer, client, client_for
):
    decide(client, send_link(client_for(author), story), "approved")
    submit_for_review(client_for(author), story)
    # The author asks again for the same version; this time the storyteller wants a change.
    link = send_link(client_for(author), story)
    client.logout()
    refused = decide(client, link, "changes", "")
    assert "Please tell us what you would like to change." in refused.content.decode()
    assert not StorytellerApproval.objects.filter(decision="changes").exists()
    decide(client, link, "changes", "Please leave out my surname.")
    notice = [message for message in mail.outbox if author.email in message.to][-1]
    assert "Please leave out my surname." in notice.body

    reviewing = client_for(reviewer)
    assert offered_actions(story, reviewer) == ["reject"]
    editor = reviewing.get(edit_url(story)).content.decode()
    assert "The storyteller asked for changes: “Please leave out my surname.”" in editor
    assert_refused(workflow_action(reviewing, story, "approve"))
    assert current_task_state(story).task.name == CLINICAL_REVIEW_TASK


def test_a_later_edit_needs_a_fresh_approval(
    story, author, reviewer, second_reviewer, client, client_for
):
    decide(client, send_link(client_for(author), story), "approved")
    submit_for_review(client_for(author), story)
    # A reviewer changes the text during review: the review restarts on a version the
    # storyteller has not seen.
    save_draft(client_for(reviewer), story, body_text="A long night, told differently.")
    assert NOT_APPROVED in client_for(second_reviewer).get(edit_url(story)).content.decode()
    assert offered_actions(story, second_reviewer) == ["reject"]

    link = send_link(client_for(reviewer), story)
    client.logout()
    assert "told differently" in client.get(link).content.decode()
    decide(client, link, "approved")
    assert "approve" in offered_actions(story, second_reviewer)


def test_staff_stories_need_no_storyteller(home_page, author, reviewer, client_for):
    staff = make_story(home_page, author=author, live=False, storyteller_type="staff")
    client = client_for(author)
    assert "Ask the storyteller to approve" not in client.get(edit_url(staff)).content.decode()
    submit_for_review(client, staff)
    assert "approve" in offered_actions(staff, reviewer)


def expire_in_the_afternoon() -> int:
    """Move the link's expiry to 15:30 on 14 March next year; return the year."""
    year = timezone.localdate().year + 1
    afternoon = datetime.datetime(year, 3, 14, 15, 30)
    StorytellerApproval.objects.update(expires_at=timezone.make_aware(afternoon))
    return year


def test_a_spanish_story_is_sent_in_spanish(story, author, client_for, spanish):
    translation = story.copy_for_translation(spanish, copy_parents=True, alias=False)
    translation.title = "Rosa y su corazón"
    translation.save_revision(user=author)
    link = send_link(client_for(author), translation)
    [message] = mail.outbox
    assert message.subject == "Por favor, apruebe su historia «Rosa y su corazón»"
    assert "Gracias por compartir su historia" in message.body
    assert "Hasta el " in message.body and ", el enlace funciona una sola vez." in message.body
    client = client_for(author)
    client.logout()
    year = expire_in_the_afternoon()
    html = client.get(link).content.decode()
    assert '<html lang="es">' in html and "Su decisión" in html
    assert f"Hasta el 14 de marzo de {year} a las 15:30, este enlace funciona una sola vez." in html


def test_the_links_expiry_never_ends_in_a_double_full_stop(story, author, client, client_for):
    """English writes an afternoon time as "3:30 p.m.": the sentence must not end on it."""
    link = send_link(client_for(author), story)
    expires_at = timezone.localtime(StorytellerApproval.objects.get().expires_at)
    when = date_format(expires_at, "DATETIME_FORMAT")
    assert f"Until {when}, the link works once. You can approve" in mail.outbox[0].body
    client.logout()
    year = expire_in_the_afternoon()
    html = client.get(link).content.decode()
    assert f"Until March 14, {year}, 3:30 p.m., this link works once." in html
    assert "p.m.." not in html


def test_the_link_page_shows_only_this_version_and_nothing_private(
    story, home_page, author, client, client_for
):
    other = make_story(home_page, author=author, live=False, title="Another patient's night")
    link = send_link(client_for(author), story)
    client.logout()
    response = client.get(link)
    html = response.content.decode()
    assert story.summary in html
    for private in ("Rosa Delgado", STORYTELLER, "CR-", other.title, "/admin/", "/en/stories/"):
        assert private not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize(
    ("spoil", "status", "text"),
    [
        ("tamper", 404, "This link does not work"),
        ("expire", 410, "This link has expired"),
        ("reuse", 410, "This link has already been used"),
        ("revoke", 403, "This link can no longer be used"),
        ("edit", 410, "This version has been replaced"),
    ],
)
def test_spoilt_links_get_a_clear_page(story, author, client, client_for, spoil, status, text):
    link = send_link(client_for(author), story)
    if spoil == "tamper":
        link = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    elif spoil == "expire":
        StorytellerApproval.objects.update(expires_at=timezone.now() - datetime.timedelta(1))
    elif spoil == "revoke":
        ConsentRecord.objects.update(revoked_at=timezone.now(), revocation_note="By phone.")
    elif spoil == "edit":
        save_draft(client_for(author), story, body_text="A different night.")
    client.logout()
    if spoil == "reuse":
        decide(client, link, "approved")
    for response in (client.get(link), decide(client, link, "changes", "Too late?")):
        assert response.status_code == status
        assert text in response.content.decode()
    assert StorytellerApproval.objects.filter(decision="changes").count() == 0


@override_settings(STORYTELLER_LINK_DAYS=3)
def test_the_link_expires_after_the_configured_days(story, author, client_for):
    send_link(client_for(author), story)
    approval = StorytellerApproval.objects.get()
    assert approval.expires_at - approval.created_at == pytest.approx(
        datetime.timedelta(days=3), abs=datetime.timedelta(minutes=1)
    )


@override_settings(STORYTELLER_RATE_LIMIT=3)
def test_link_requests_are_limited_per_client_address(story, author, client, client_for):
    link = send_link(client_for(author), story)
    client.logout()
    for _attempt in range(3):
        assert client.get(f"/storyteller/guess-{_attempt}/").status_code == 404
    limited = client.get(link)
    assert limited.status_code == 429
    assert "Too many requests" in limited.content.decode()
    assert client.get(link, REMOTE_ADDR="192.0.2.8").status_code == 200


def test_authors_never_see_the_storytellers_name_or_email(
    story, author, reviewer, consent_viewer, client, client_for
):
    writer = client_for(author)
    confirmation = writer.get(send_url(story)).content.decode()
    assert story.consent_record.reference in confirmation
    decide(client, send_link(writer, story), "approved")
    writer = client_for(author)
    for address in (send_url(story), edit_url(story), f"/admin/pages/{story.pk}/history/"):
        html = writer.get(address).content.decode()
        assert "Rosa Delgado" not in html and STORYTELLER not in html, address

    # Who sees the name is decided by the permission: an author granted it sees it too.
    assert "Rosa Delgado" in client_for(consent_viewer).get(send_url(story)).content.decode()
    staff = client_for(reviewer)
    assert "Rosa Delgado" in staff.get(send_url(story)).content.decode()
    record_url = reverse(
        "wagtailsnippets_workflow_consentrecord:edit", args=[story.consent_record_id]
    )
    record = staff.get(record_url).content.decode()
    assert STORYTELLER in record
    assert "Approved: Rosa Delgado" in record


def test_only_people_who_can_edit_the_page_send_links(story, client_for, author):
    outsider = make_user("outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert_refused(client_for(outsider).post(send_url(story)))
    assert client_for(author).get(send_url(story)).status_code == 200
    assert not mail.outbox
    ConsentRecord.objects.update(email="")
    response = client_for(author).post(send_url(story), follow=True)
    assert "has no email address for the storyteller" in response.content.decode()
    assert not StorytellerApproval.objects.exists()
