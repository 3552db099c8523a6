"""A translation goes through the same review as any page before readers see it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.conftest import make_user
from tests.translations_support import translate_home

pytestmark = pytest.mark.django_db

NEW_HEADING = "Stories from our hospital, told by the people who lived them"
NEW_HEADING_ES = "Historias de nuestro hospital, contadas por quienes las vivieron"


@pytest.fixture
def translation(home_page, spanish) -> Translation:
    """A live Spanish home page whose English original has a new, already translated heading."""
    translate_home(home_page, spanish)
    home_page.hero_heading = NEW_HEADING
    home_page.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(home_page)
    source.update_from_db()
    segment = source.stringsegment_set.get(context__path="hero_heading")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=spanish,
        context=segment.context,
        data=NEW_HEADING_ES,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    return Translation.objects.get(source=source, target_locale=spanish)


def spanish_page(translation: Translation) -> Page:
    return Page.objects.get(pk=translation.get_target_instance().pk).specific


def submit_url(translation: Translation) -> str:
    return reverse("translations_submit_for_review", args=[translation.pk])


def approve_current_task(page: Page, user) -> None:
    page = Page.objects.get(pk=page.pk).specific
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, "approve")


def test_authors_and_communications_may_translate(author, comms, reviewer):
    assert author.has_perm("wagtail_localize.submit_translation")
    assert comms.has_perm("wagtail_localize.submit_translation")
    assert not reviewer.has_perm("wagtail_localize.submit_translation")


def test_the_translation_editor_offers_submit_for_review(client_for, author, translation):
    html = client_for(author).get(f"/admin/pages/{spanish_page(translation).pk}/edit/")
    assert submit_url(translation) in html.content.decode()


def test_a_translation_cannot_go_live_without_both_approvals(
    client, client_for, author, reviewer, comms, translation
):
    response = client_for(author).post(submit_url(translation))
    assert response.status_code == 302
    page = spanish_page(translation)
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Clinical and communications review"

    def public_heading() -> str:
        client.logout()
        html = client.get("/es/").content.decode()
        return NEW_HEADING_ES if NEW_HEADING_ES in html else "old"

    assert public_heading() == "old"
    approve_current_task(page, reviewer)
    assert public_heading() == "old", "clinical review alone must not publish"
    approve_current_task(page, comms)
    assert public_heading() == NEW_HEADING_ES
    assert spanish_page(translation).current_workflow_state is None


def test_a_new_draft_during_review_needs_clinical_approval_again(
    client, client_for, author, reviewer, comms, translation
):
    client_for(author).post(submit_url(translation))
    page = spanish_page(translation)
    approve_current_task(page, reviewer)
    # While the page waits for sign-off only Communications may edit it; an edit means a new draft.
    client_for(comms).post(submit_url(translation))

    page = spanish_page(translation)
    assert page.current_workflow_task.name == "Clinical review"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    client.logout()
    assert NEW_HEADING_ES not in client.get("/es/").content.decode()


def test_the_author_cannot_change_a_translation_under_review(client_for, author, translation):
    author_client = client_for(author)
    author_client.post(submit_url(translation))
    revisions = spanish_page(translation).revisions.count()
    response = author_client.post(submit_url(translation))
    assert response["Location"] == reverse("wagtailadmin_home")
    assert spanish_page(translation).revisions.count() == revisions


def test_people_who_cannot_edit_the_page_cannot_submit_it(client_for, translation):
    outsider = make_user("outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client_for(outsider).post(submit_url(translation))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert spanish_page(translation).current_workflow_state is None
