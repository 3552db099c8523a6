"""Review actions from the page editor's action menu record that action and nothing else.

The stories here are submitted as the demo seed submits them (text written outside the editor),
so the editor's first round trip adds its rich-text bookkeeping: nothing a reviewer changed.
"""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.http import QueryDict
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from tests.blog_factories import make_story
from tests.workflow_factories import current_task_state, edit_form_data, edit_url
from workflow.groups import CLINICAL_REVIEW_TASK, SIGNOFF_TASK

pytestmark = pytest.mark.django_db

CHECKED_BOX = re.compile(r'<input type="checkbox" name="([^"]+)"(?![^>]*\bvalue=)[^>]*\bchecked>')


@pytest.fixture
def seeded_in_review(home_page, author, reviewer, admin_user):
    """A story submitted the way ``seed_demo`` submits one: it awaits clinical review."""
    story = make_story(home_page, author=author, live=False)
    story.get_workflow().start(story, author)
    mail.outbox.clear()
    return story


def browser_form_data(client, page) -> QueryDict:
    """The edit form as a browser posts it: a ticked box without a value sends "on"."""
    data = edit_form_data(client, page)
    for name in CHECKED_BOX.findall(client.get(edit_url(page)).content.decode()):
        data[name] = "on"
    return data


def act_in_editor(client, page, action: str, comment: str | None = None):
    """The editor's action menu: the edit form posted with the action (and its modal's data)."""
    data = browser_form_data(client, page)
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = action
    if comment is not None:
        data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return client.post(edit_url(page), data)


def new_entries(page, since: int) -> list[tuple[str, str]]:
    return [
        (entry.action, entry.user.username)
        for entry in PageLogEntry.objects.filter(page=page, pk__gt=since).order_by("pk")
    ]


def last_entry_id() -> int:
    return PageLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_requesting_changes_in_the_editor_records_the_rejection_and_nothing_else(
    seeded_in_review, author, reviewer, client_for
):
    story, since = seeded_in_review, last_entry_id()
    revisions = story.revisions.count()
    comment = "Please check the medicine dose in the second paragraph."

    response = act_in_editor(client_for(reviewer), story, "reject", comment)

    assert response.status_code == 302
    assert story.revisions.count() == revisions, "no new version: the reviewer changed nothing"
    assert new_entries(story, since) == [("wagtail.workflow.reject", "reviewer")]
    entry = PageLogEntry.objects.get(page=story, action="wagtail.workflow.reject")
    assert entry.data["comment"] == comment
    state = WorkflowState.objects.for_instance(story).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not TaskState.objects.filter(status=TaskState.STATUS_CANCELLED).exists()
    assert [(message.to, "Changes requested" in message.subject) for message in mail.outbox] == [
        ([author.email], True)
    ], "only the author hears of it; nobody is told the page was submitted"
    editor = client_for(author).get(edit_url(story)).content.decode()
    assert "Changes requested at “Clinical review” by Samir Patel" in editor


def test_a_request_for_changes_without_a_comment_changes_nothing(
    seeded_in_review, reviewer, client_for
):
    story, since = seeded_in_review, last_entry_id()
    revisions = story.revisions.count()

    response = act_in_editor(client_for(reviewer), story, "reject", comment="  ")

    assert response.status_code == 302 and response["Location"] == edit_url(story)
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert "Requesting changes needs a comment for the author." in messages
    assert story.revisions.count() == revisions
    assert new_entries(story, since) == []
    assert current_task_state(story).status == TaskState.STATUS_IN_PROGRESS
    assert mail.outbox == []


def test_approving_in_the_editor_without_changes_keeps_the_reviewer_an_approver(
    seeded_in_review, reviewer, client_for
):
    story, since = seeded_in_review, last_entry_id()
    revisions = story.revisions.count()

    act_in_editor(client_for(reviewer), story, "approve")

    assert story.revisions.count() == revisions
    assert current_task_state(story).task.name == SIGNOFF_TASK
    actions = [action for action, _user in new_entries(story, since)]
    assert "wagtail.edit" not in actions and "workflow.restart_after_edit" not in actions
    assert TaskState.objects.get(task__name=CLINICAL_REVIEW_TASK).finished_by == reviewer
