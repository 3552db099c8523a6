"""Only the workflow publishes: no side door for Communications, translations or the policy;
what the public sees of a review (the review reports: test_workflow_reports)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Page, PageLogEntry, WorkflowState

from policy.models import PolicyPage
from tests.blog_factories import make_story
from tests.policy_fixtures import START, edit_data, make_policy, policy_index, publish_version
from tests.test_workflow_review import assert_refused
from tests.translations_support import translate_as_draft, translate_home
from tests.workflow_factories import (
    current_task_state,
    edit_form_data,
    edit_url,
    make_consent,
    storyteller_approves,
    submit_for_review,
    workflow_action,
)
from workflow.groups import CLINICAL_REVIEW_TASK, SIGNOFF_TASK

pytestmark = pytest.mark.django_db


def approve_both_stages(client_for, page, reviewer, comms) -> None:
    assert workflow_action(client_for(reviewer), page, "approve").status_code == 302
    assert current_task_state(page).task.name == SIGNOFF_TASK
    assert workflow_action(client_for(comms), page, "approve").status_code == 302


def is_live(page: Page) -> bool:
    return Page.objects.get(pk=page.pk).live


def test_communications_cannot_publish_from_the_editor(home_page, author, comms, client_for):
    story = make_story(home_page, author=author, live=False)
    client = client_for(comms)
    data = edit_form_data(client, story)
    data["action-publish"] = "1"
    client.post(edit_url(story), data)
    assert not is_live(story)
    assert "action-publish" not in client.get(edit_url(story)).content.decode()

    submit_for_review(client_for(author), story)
    client = client_for(comms)
    data = edit_form_data(client, story)
    data["action-publish"] = "1"
    client.post(edit_url(story), data)
    assert not is_live(story)


@pytest.mark.parametrize("role", ["author", "reviewer", "comms"])
def test_nobody_but_administrators_unpublishes_outside_the_workflow(
    home_page, author, reviewer, comms, client_for, role
):
    story = make_story(home_page, author=author)
    client = client_for({"author": author, "reviewer": reviewer, "comms": comms}[role])
    url = reverse("wagtailadmin_pages:unpublish", args=[story.pk])
    assert_refused(client.get(url))
    assert_refused(client.post(url))
    assert is_live(story)


def test_bulk_actions_neither_publish_nor_unpublish_for_communications(
    home_page, author, comms, client_for
):
    live = make_story(home_page, author=author, title="Already live")
    draft = make_story(home_page, author=author, live=False, title="Still a draft")
    client = client_for(comms)
    for action, page in (("unpublish", live), ("publish", draft)):
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
        client.post(f"{url}?id={page.pk}", {"include_descendants": ""})
    assert is_live(live)
    assert not is_live(draft)


def test_the_public_story_shows_who_reviewed_it_and_when(
    home_page, author, reviewer, comms, client_for, client
):
    story = make_story(home_page, author=author, live=False)
    submit_for_review(client_for(author), story)
    approve_both_stages(client_for, story, reviewer, comms)

    client.logout()
    html = client.get(Page.objects.get(pk=story.pk).url).content.decode()
    with translation.override("en"):
        today = date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"Clinically reviewed by Samir Patel on {today}" in html


@pytest.fixture
def spanish_story(home_page, spanish, author):
    """A live English patient story and its Spanish translation, saved as a draft."""
    translate_home(home_page, spanish)
    story = make_story(
        home_page,
        author=author,
        storyteller_type="patient",
        consent_record=make_consent(),
        title="Night",
    )
    story_translation, spanish_page = translate_as_draft(story, spanish, author)
    assert not spanish_page.live
    storyteller_approves(spanish_page)
    return story_translation, spanish_page


def test_an_author_cannot_put_a_spanish_translation_live_outside_the_workflow(
    spanish_story, author, client_for, django_capture_on_commit_callbacks
):
    story_translation, spanish_page = spanish_story
    client = client_for(author)
    sync = reverse("wagtail_localize:update_translations", args=[story_translation.source_id])
    convert = reverse("wagtail_localize:convert_to_alias", args=[spanish_page.pk])

    # wagtail-localize publishes when the transaction commits: run those callbacks here.
    with django_capture_on_commit_callbacks(execute=True):
        # Its translation editor's "Publish" button.
        client.post(edit_url(spanish_page), {"action": "publish"})
        # "Sync translated pages" with "Apply the updates and publish immediately" ticked.
        synced = client.post(sync, {"publish_translations": "on"}, follow=True)
        # "Convert to alias" of the live English story.
        assert_refused(client.post(convert))
    assert not is_live(spanish_page)
    assert "The translations were updated as drafts, not published" in synced.content.decode()
    # Wagtail's own unpublish/publish views are closed to authors as for any page.
    assert_refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[spanish_page.pk])))


def test_a_spanish_translation_goes_live_only_after_both_approvals(
    spanish_story, author, reviewer, comms, client_for
):
    story_translation, spanish_page = spanish_story
    submit = reverse("translations_submit_for_review", args=[story_translation.pk])
    assert client_for(author).post(submit).status_code == 302
    state = current_task_state(spanish_page)
    assert state.task.name == CLINICAL_REVIEW_TASK
    assert not is_live(spanish_page)

    assert workflow_action(client_for(reviewer), spanish_page, "approve").status_code == 302
    assert not is_live(spanish_page)
    assert workflow_action(client_for(comms), spanish_page, "approve").status_code == 302
    spanish_page = Page.objects.get(pk=spanish_page.pk).specific
    assert spanish_page.live
    assert spanish_page.reviewed_by_name == "Samir Patel"
    assert PageLogEntry.objects.filter(
        page=spanish_page, action="workflow.published_after_review"
    ).exists()


def test_the_policy_page_follows_the_same_workflow(home_page, author, reviewer, comms, client_for):
    policy = make_policy(policy_index(home_page))
    publish_version(policy, "1.0", START)
    response = client_for(author).post(edit_url(policy), edit_data(**{"action-submit": "1"}))
    assert response.status_code == 302

    state = WorkflowState.objects.for_instance(policy).get()
    assert state.requested_by == author
    assert current_task_state(policy).task.name == CLINICAL_REVIEW_TASK
    approve_both_stages(client_for, policy, reviewer, comms)

    policy = PolicyPage.objects.get(pk=policy.pk)
    assert policy.live and policy.version == "1.2"
    assert policy.summary_of_changes == "Clarified who to call out of hours."
    assert policy.reviewed_by_name == "Samir Patel"
