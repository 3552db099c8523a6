"""Separation of duties over the whole review: whoever saved any version since the page was last
published approves no stage of it, however the approval is attempted, and every refusal is
logged."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, TaskState

from tests.blog_factories import make_story
from tests.conftest import make_user
from tests.test_workflow_review import approve_clinical, approve_in_editor, assert_refused
from tests.workflow_factories import (
    current_task_state,
    offered_actions,
    save_draft,
    submit_for_review,
    workflow_action,
)
from workflow.groups import CLINICAL_REVIEW_TASK, SIGNOFF_TASK

pytestmark = pytest.mark.django_db

REFUSED = "workflow.review_action_refused"
SAVED_A_VERSION = "You saved a version of this page since it was last published"


def refusals_by(user, page) -> list[PageLogEntry]:
    return list(PageLogEntry.objects.filter(page=page, action=REFUSED, user=user))


def workflow_url(name: str, page: Page, action: str) -> str:
    state = current_task_state(page)
    return reverse(f"wagtailadmin_pages:{name}", args=[page.pk, action, state.pk])


@pytest.fixture
def comms_drafted(home_page, author, reviewer, comms, client_for):
    """Communications saved an early draft; the author then edited and submitted; clinical
    review approved. The story now awaits Communications sign-off."""
    story = make_story(home_page, author=author, live=False)
    assert save_draft(client_for(comms), story, body_text="An early draft by comms.").status_code
    save_draft(client_for(author), story, body_text="The author's own words.")
    submit_for_review(client_for(author), story)
    approve_clinical(client_for, story, reviewer)
    return story


def test_communications_cannot_sign_off_a_story_they_drafted_earlier(
    comms_drafted, comms, client_for
):
    story = comms_drafted
    state = current_task_state(story)
    assert state.revision.user != comms, "the version under review is the author's"

    assert offered_actions(story, comms) == ["reject"]
    client = client_for(comms)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    assert SAVED_A_VERSION in editor

    assert_refused(client.post(workflow_url("workflow_action", story, "approve"), {}))
    assert_refused(client.get(workflow_url("collect_workflow_action_data", story, "approve")))
    assert_refused(client.post(workflow_url("collect_workflow_action_data", story, "approve")))
    revisions = story.revisions.count()
    response = approve_in_editor(client, story)
    assert response.status_code == 302
    assert story.revisions.count() == revisions, "a refused approval saves nothing"

    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS
    assert not Page.objects.get(pk=story.pk).live
    entries = refusals_by(comms, story)
    assert len(entries) == 4
    assert all(entry.data["action"] == "approve" for entry in entries)
    assert any(SAVED_A_VERSION in " ".join(entry.data["reasons"]) for entry in entries)


def test_another_communications_member_signs_off_and_the_story_goes_live(comms_drafted, client_for):
    colleague = make_user("comms2", "Communications", first_name="Priya")
    assert workflow_action(client_for(colleague), comms_drafted, "approve").status_code == 302
    assert Page.objects.get(pk=comms_drafted.pk).live


def test_a_reviewer_who_edited_earlier_in_the_review_cannot_approve_after_a_later_edit(
    home_page, author, reviewer, second_reviewer, client_for
):
    story = make_story(home_page, author=author, live=False)
    submit_for_review(client_for(author), story)
    save_draft(client_for(reviewer), story, body_text="The reviewer rewrote this paragraph.")
    save_draft(client_for(second_reviewer), story, body_text="The reviewer rewrote this para.")
    state = current_task_state(story)
    assert state.task.name == CLINICAL_REVIEW_TASK
    assert state.revision.user == second_reviewer

    for person in (reviewer, second_reviewer):
        assert offered_actions(story, person) == ["reject"]
        assert_refused(workflow_action(client_for(person), story, "approve"))
        assert refusals_by(person, story)
    assert current_task_state(story).pk == state.pk

    third = make_user("reviewer3", "Clinical reviewers", first_name="Olu")
    assert workflow_action(client_for(third), story, "approve").status_code == 302
    assert current_task_state(story).task.name == SIGNOFF_TASK


def test_versions_saved_before_the_last_publication_do_not_count(
    home_page, author, reviewer, comms, client_for
):
    story = make_story(home_page, author=author, live=False)
    save_draft(client_for(comms), story, body_text="Comms polished the first version.")
    Page.objects.get(pk=story.pk).specific.get_latest_revision().publish()

    save_draft(client_for(author), story, body_text="An update a year later.")
    submit_for_review(client_for(author), story)
    approve_clinical(client_for, story, reviewer)

    assert "approve" in offered_actions(story, comms)
    assert workflow_action(client_for(comms), story, "approve").status_code == 302
    assert "An update a year later." in str(Page.objects.get(pk=story.pk).specific.body)
