"""The policy goes through the same two-stage review as stories; its version rules hold there."""

import datetime

import pytest
from django.urls import reverse

from policy.models import PolicyPage
from policy.versions import published_versions
from tests.policy_fixtures import START, edit_data, make_policy, policy_index, publish_version
from tests.workflow_factories import current_task_state, offered_actions, workflow_action
from workflow.groups import CLINICAL_REVIEW_TASK, SIGNOFF_TASK

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(home_page):
    policy = make_policy(policy_index(home_page))
    publish_version(policy, "1.0", START)
    publish_version(policy, "1.1", datetime.date(2024, 6, 1), "Written consent is required.")
    return PolicyPage.objects.get(pk=policy.pk)


def submit(client, policy, **changes):
    data = edit_data(**changes)
    data["action-submit"] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[policy.pk]), data)


def test_a_new_version_is_published_by_communications_sign_off(
    policy, author, reviewer, comms, client_for
):
    assert submit(client_for(author), policy).status_code == 302
    assert current_task_state(policy).task.name == CLINICAL_REVIEW_TASK
    assert workflow_action(client_for(reviewer), policy, "approve").status_code == 302
    assert current_task_state(policy).task.name == SIGNOFF_TASK
    assert PolicyPage.objects.get(pk=policy.pk).version == "1.1"  # not live before sign-off

    assert workflow_action(client_for(comms), policy, "approve").status_code == 302
    assert PolicyPage.objects.get(pk=policy.pk).version == "1.2"
    assert [entry.version for entry in published_versions(policy.pk)] == ["1.0", "1.1", "1.2"]


def test_a_revision_breaking_the_version_rules_cannot_be_approved(
    policy, author, reviewer, client_for
):
    """The editor refuses such a revision; one saved around it (a script, an import) and sent
    to review is stopped at approval, with the reason the reviewer is shown."""
    draft = PolicyPage.objects.get(pk=policy.pk)
    draft.summary = "Changed without a new version number."
    draft.save_revision(user=author, clean=False)
    draft.get_workflow().start(draft, author)

    assert current_task_state(policy).task.name == CLINICAL_REVIEW_TASK
    assert "approve" not in offered_actions(policy, reviewer)
    editor = client_for(reviewer).get(reverse("wagtailadmin_pages:edit", args=[policy.pk]))
    assert "Version 1.1 is not above the last published version, 1.1." in editor.content.decode()
    response = workflow_action(client_for(reviewer), policy, "approve")
    assert response.status_code in (302, 403)
    assert current_task_state(policy).task.name == CLINICAL_REVIEW_TASK
    assert PolicyPage.objects.get(pk=policy.pk).summary != "Changed without a new version number."
