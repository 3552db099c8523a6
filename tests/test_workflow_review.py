"""The review workflow through Wagtail's real admin views, as the demo roles use it."""

from __future__ import annotations

import logging

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from tests.blog_factories import make_story
from tests.conftest import make_user
from tests.workflow_factories import (
    current_task_state,
    edit_form_data,
    edit_url,
    offered_actions,
    save_draft,
    submit_for_review,
    workflow_action,
)
from workflow.groups import CLINICAL_REVIEW_TASK, SIGNOFF_TASK

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(home_page, author, reviewer, comms, client_for):
    """A staff story the author has submitted: it awaits clinical review."""
    story = make_story(home_page, author=author, live=False)
    response = submit_for_review(client_for(author), story)
    assert response.status_code == 302
    assert current_task_state(story).task.name == CLINICAL_REVIEW_TASK
    mail.outbox.clear()
    return story


def approve_clinical(client_for, story, reviewer):
    response = workflow_action(client_for(reviewer), story, "approve", "Clinically accurate.")
    assert response.status_code == 302
    assert current_task_state(story).task.name == SIGNOFF_TASK


def assert_refused(response) -> None:
    """Wagtail's admin answers a refused action with 403, or a redirect to the dashboard."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    ), response


def subjects_to(address: str) -> list[str]:
    return [message.subject for message in mail.outbox if address in message.to]


def test_author_can_neither_publish_nor_approve(home_page, author, reviewer, client_for):
    story = make_story(home_page, author=author, live=False)
    client = client_for(author)
    data = edit_form_data(client, story)
    data["action-publish"] = "1"
    client.post(edit_url(story), data)
    story.refresh_from_db()
    assert not story.live

    submit_for_review(client, story)
    assert offered_actions(story, author) == []
    state = current_task_state(story)
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", state.pk])
    assert_refused(client.get(url))
    assert_refused(client.post(url, {"comment": ""}))
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS
    story.refresh_from_db()
    assert not story.live and story.reviewed_by_name == ""


def test_reviewer_approves_the_clinical_stage(submitted, author, reviewer, comms, client_for):
    client = client_for(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard
    assert submitted.title in dashboard

    approve_clinical(client_for, submitted, reviewer)

    submitted.refresh_from_db()
    assert submitted.reviewed_by_name == "Samir Patel"
    assert submitted.last_reviewed_at is not None
    under_review = current_task_state(submitted).revision
    assert under_review.content["reviewed_by_name"] == "Samir Patel"
    assert subjects_to(comms.email) == [
        f'The page "{submitted.title}" has been submitted for approval in moderation stage '
        f'"{SIGNOFF_TASK}"'
    ]
    assert subjects_to(author.email) == [f"“{submitted.title}” passed “{CLINICAL_REVIEW_TASK}”"]


def test_submitter_is_never_offered_approve_and_a_forced_approval_fails(
    home_page, second_reviewer, client_for
):
    clinician = make_user("clinician", "Authors", "Clinical reviewers", first_name="Ines")
    story = make_story(home_page, author=clinician, live=False)
    client = client_for(clinician)
    submit_for_review(client, story)

    assert offered_actions(story, clinician) == ["reject"]
    editor = client.get(edit_url(story)).content.decode()
    assert "You submitted this page for review, so someone else must approve it." in editor
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    state = current_task_state(story)
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", state.pk]
    )
    reject_url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "reject", state.pk])
    assert reject_url in dashboard and approve_url not in dashboard

    assert_refused(workflow_action(client, story, "approve", "Looks right to me."))
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS

    # Their own task state smuggled in under the URL of a page they may approve: refused.
    other = make_story(
        home_page, author=second_reviewer, live=False, title="Another story", slug="another"
    )
    submit_for_review(client_for(second_reviewer), other)
    client = client_for(clinician)
    assert "approve" in offered_actions(other, clinician)
    forged = reverse("wagtailadmin_pages:workflow_action", args=[other.pk, "approve", state.pk])
    assert_refused(client.post(forged, {"comment": ""}))
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS
    assert current_task_state(other).task.name == CLINICAL_REVIEW_TASK

    assert workflow_action(client_for(second_reviewer), story, "approve").status_code == 302
    assert current_task_state(story).task.name == SIGNOFF_TASK


def test_the_last_editor_cannot_approve(submitted, reviewer, second_reviewer, client_for):
    client = client_for(reviewer)
    save_draft(client, submitted, body_text="Corrected the name of the ward.")

    state = current_task_state(submitted)
    assert state.task.name == CLINICAL_REVIEW_TASK
    assert state.revision.user == reviewer
    assert offered_actions(submitted, reviewer) == ["reject"]
    assert_refused(workflow_action(client, submitted, "approve"))
    assert current_task_state(submitted).pk == state.pk

    assert workflow_action(client_for(second_reviewer), submitted, "approve").status_code == 302
    assert current_task_state(submitted).task.name == SIGNOFF_TASK


def test_a_member_of_both_groups_approves_one_stage_only(home_page, author, comms, client_for):
    both = make_user("both", "Clinical reviewers", "Communications", first_name="Kim")
    story = make_story(home_page, author=author, live=False)
    submit_for_review(client_for(author), story)
    approve_clinical(client_for, story, both)

    assert offered_actions(story, both) == ["reject"]
    assert_refused(workflow_action(client_for(both), story, "approve"))
    story.refresh_from_db()
    assert not story.live

    assert workflow_action(client_for(comms), story, "approve").status_code == 302
    story.refresh_from_db()
    assert story.live


def test_communications_approval_publishes_what_was_approved(
    submitted, author, reviewer, comms, client_for
):
    approve_clinical(client_for, submitted, reviewer)
    approved_revision = current_task_state(submitted).revision
    mail.outbox.clear()

    assert workflow_action(client_for(comms), submitted, "approve").status_code == 302

    submitted.refresh_from_db()
    assert submitted.live
    assert submitted.live_revision_id == approved_revision.pk
    assert submitted.current_workflow_state is None
    publish = PageLogEntry.objects.get(page=submitted, action="wagtail.publish")
    assert publish.user == comms
    summary = PageLogEntry.objects.get(page=submitted, action="workflow.published_after_review")
    assert summary.data["approvals"] == [
        {"task": CLINICAL_REVIEW_TASK, "approved_by": "Samir Patel"},
        {"task": SIGNOFF_TASK, "approved_by": "Jordan Lee"},
    ]
    [published] = [message for message in mail.outbox if author.email in message.to]
    assert published.subject == f"“{submitted.title}” passed both reviews and is published"
    # The live link starts with the same base as the admin links (WAGTAILADMIN_BASE_URL).
    assert f"http://testserver{submitted.url}" in published.body


def test_request_changes_returns_the_story_to_its_author_with_the_comment(
    submitted, author, reviewer, client_for
):
    client = client_for(reviewer)
    workflow_action(client, submitted, "reject", comment="")
    assert current_task_state(submitted).status == TaskState.STATUS_IN_PROGRESS, (
        "a request for changes without a comment is refused"
    )

    comment = "Please check the medicine dose in the second paragraph."
    assert workflow_action(client, submitted, "reject", comment).status_code == 302

    state = WorkflowState.objects.for_instance(submitted).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [email] = [message for message in mail.outbox if author.email in message.to]
    assert comment in email.body
    editor = client_for(author).get(edit_url(submitted)).content.decode()
    assert "Changes requested at “Clinical review” by Samir Patel" in editor
    assert comment in editor

    submit_for_review(client_for(author), submitted)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert current_task_state(submitted).task.name == CLINICAL_REVIEW_TASK


def test_an_edit_mid_review_restarts_it_from_clinical_review(
    submitted, reviewer, comms, client_for
):
    approve_clinical(client_for, submitted, reviewer)
    mail.outbox.clear()

    save_draft(client_for(comms), submitted, body_text="A late change by Communications.")

    state = current_task_state(submitted)
    assert state.task.name == CLINICAL_REVIEW_TASK
    assert state.revision.user == comms
    assert PageLogEntry.objects.filter(
        page=submitted, action="workflow.restart_after_edit", user=comms
    ).exists()
    assert subjects_to(reviewer.email), "clinical reviewers are asked again"

    # The clinician looks again; the editor from Communications cannot sign off their own edit.
    approve_clinical(client_for, submitted, reviewer)
    assert offered_actions(submitted, comms) == ["reject"]
    other_comms = make_user("comms2", "Communications", first_name="Priya")
    assert workflow_action(client_for(other_comms), submitted, "approve").status_code == 302
    submitted.refresh_from_db()
    assert submitted.live
    assert "A late change by Communications." in str(submitted.body)


def test_workflow_report_and_page_history_show_every_step(
    submitted, reviewer, comms, admin_user, client_for
):
    approve_clinical(client_for, submitted, reviewer)
    workflow_action(client_for(comms), submitted, "approve")

    report = client_for(reviewer).get(reverse("wagtailadmin_reports:workflow"))
    assert report.status_code == 200
    assert submitted.title in report.content.decode()

    history = client_for(admin_user).get(reverse("wagtailadmin_pages:history", args=[submitted.pk]))
    text = history.content.decode()
    assert "Clinically reviewed by Samir Patel" in text
    assert (
        "Published after review (Clinical review: Samir Patel; Communications sign-off: Jordan Lee)"
        in text
    )
    actions = list(
        PageLogEntry.objects.filter(page=submitted).order_by("pk").values_list("action", flat=True)
    )
    assert actions[-5:] == [
        "workflow.clinical_review",
        "wagtail.workflow.approve",
        "wagtail.workflow.approve",
        "wagtail.publish",
        "workflow.published_after_review",
    ]


class UnreachableMailServer(BaseEmailBackend):
    def open(self):
        raise OSError("mail server unreachable")

    def send_messages(self, email_messages):
        raise OSError("mail server unreachable")


@override_settings(EMAIL_BACKEND="tests.test_workflow_review.UnreachableMailServer")
def test_a_mail_failure_never_blocks_the_review(
    home_page, author, reviewer, comms, client_for, caplog
):
    story = make_story(home_page, author=author, live=False)
    with caplog.at_level(logging.ERROR):
        assert submit_for_review(client_for(author), story).status_code == 302
        approve_clinical(client_for, story, reviewer)
        assert workflow_action(client_for(comms), story, "approve").status_code == 302
    story.refresh_from_db()
    assert story.live
    assert "mail server unreachable" in caplog.text


def approve_in_editor(client, page, **changes):
    """The editor's action menu: "Approve" posts the edit form with the workflow action."""
    data = edit_form_data(client, page, **changes)
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = "approve"
    return client.post(edit_url(page), data)


def test_a_reviewer_can_approve_from_the_editor(submitted, reviewer, client_for):
    approve_in_editor(client_for(reviewer), submitted)
    assert current_task_state(submitted).task.name == SIGNOFF_TASK
    assert submitted.revisions.count() == 2, "approving without changes saves no new version"


def test_forcing_approve_through_the_editor_fails_for_the_submitter(home_page, client_for):
    clinician = make_user("clinician", "Authors", "Clinical reviewers", first_name="Ines")
    story = make_story(home_page, author=clinician, live=False)
    submit_for_review(client_for(clinician), story)
    approve_in_editor(client_for(clinician), story)
    assert current_task_state(story).task.name == CLINICAL_REVIEW_TASK
    assert not TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists()


def test_editing_and_approving_at_once_saves_the_edit_but_needs_another_reviewer(
    submitted, reviewer, client_for
):
    assert_refused(approve_in_editor(client_for(reviewer), submitted, body_text="Fixed a dose."))
    state = current_task_state(submitted)
    assert state.task.name == CLINICAL_REVIEW_TASK
    assert state.revision.user == reviewer
    assert "Fixed a dose." in str(state.revision.as_object().body)
    assert not TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists()
