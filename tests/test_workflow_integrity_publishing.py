"""The one publishing guard: scheduled go-live, an administrator's publish and the admin API
all refuse a reviewable page whose review blockers are not empty, log it and tell people."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from tests import test_workflow_publishing
from tests.blog_factories import make_story
from tests.test_workflow_publishing import approve_both_stages
from tests.workflow_factories import edit_form_data, edit_url, make_consent, submit_for_review
from workflow.models import ConsentRecord

pytestmark = pytest.mark.django_db

REFUSED = "workflow.publication_refused"
ONE_DAY = datetime.timedelta(days=1)
# A live English patient story and its Spanish translation saved as a draft (shared fixture).
spanish_story = test_workflow_publishing.spanish_story


@pytest.fixture
def scheduled_story(home_page, author, reviewer, comms, client_for):
    """A patient story approved by both stages with a go-live time in the future."""
    go_live = timezone.now() + datetime.timedelta(days=2)
    story = make_story(
        home_page,
        author=author,
        live=False,
        storyteller_type="patient",
        consent_record=make_consent(),
        go_live_at=go_live,
    )
    assert submit_for_review(client_for(author), story).status_code == 302
    approve_both_stages(client_for, story, reviewer, comms)
    revision = Page.objects.get(pk=story.pk).get_latest_revision()
    assert revision.approved_go_live_at == go_live.replace(second=0, microsecond=0)
    assert not Page.objects.get(pk=story.pk).live
    mail.outbox.clear()
    return story


def go_live_time_passes(story) -> None:
    """Move the approved go-live into the past, as the clock would."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    for revision in Revision.page_revisions.filter(object_id=str(story.pk)):
        content = {**revision.content, "go_live_at": past.isoformat()}
        scheduled = past if revision.approved_go_live_at else None
        Revision.objects.filter(pk=revision.pk).update(
            content=content, approved_go_live_at=scheduled
        )
    Page.objects.filter(pk=story.pk).update(go_live_at=past)


def run_publish_scheduled() -> None:
    call_command("publish_scheduled", stdout=io.StringIO())


def test_publish_scheduled_publishes_an_approved_story_whose_consent_holds(scheduled_story):
    go_live_time_passes(scheduled_story)
    run_publish_scheduled()
    assert Page.objects.get(pk=scheduled_story.pk).live
    assert not PageLogEntry.objects.filter(page=scheduled_story, action=REFUSED).exists()


def test_publish_scheduled_refuses_a_story_whose_consent_was_revoked_after_approval(
    scheduled_story, author, comms
):
    ConsentRecord.objects.filter(pk=scheduled_story.consent_record_id).update(
        revoked_at=timezone.now(), revocation_note="The patient withdrew consent by phone."
    )
    go_live_time_passes(scheduled_story)

    run_publish_scheduled()

    page = Page.objects.get(pk=scheduled_story.pk)
    assert not page.live and page.live_revision_id is None
    entry = PageLogEntry.objects.get(page=scheduled_story, action=REFUSED)
    assert entry.user is None
    assert entry.data["route"] == "scheduled go-live"
    assert any("the consent was revoked" in reason for reason in entry.data["reasons"])
    assert {address for message in mail.outbox for address in message.to} == {
        author.email,
        comms.email,
    }
    assert all(message.subject.startswith("Not published") for message in mail.outbox)
    # The schedule is gone: the next run neither publishes nor writes to anyone again.
    assert not Revision.page_revisions.filter(
        object_id=str(scheduled_story.pk), approved_go_live_at__isnull=False
    ).exists()
    mail.outbox.clear()
    run_publish_scheduled()
    assert not Page.objects.get(pk=scheduled_story.pk).live
    assert PageLogEntry.objects.filter(page=scheduled_story, action=REFUSED).count() == 1
    assert not mail.outbox


def admin_publish(client, story):
    data = edit_form_data(client, story)
    data["action-publish"] = "1"
    return client.post(edit_url(story), data, follow=True)


def test_an_administrators_publish_from_the_editor_is_refused_while_consent_is_invalid(
    home_page, author, admin_user, client_for
):
    record = make_consent(revoked_at=timezone.now(), revocation_note="Withdrawn in writing.")
    story = make_story(
        home_page, author=author, live=False, storyteller_type="family", consent_record=record
    )
    client = client_for(admin_user)

    response = admin_publish(client, story)

    assert response.status_code == 200
    assert "Not published: Consent record CR-" in response.content.decode()
    assert not Page.objects.get(pk=story.pk).live
    entry = PageLogEntry.objects.get(page=story, action=REFUSED)
    assert entry.user == admin_user and entry.data["route"] == "published from the editor"

    # With a valid consent the same button publishes: the guard refuses only what is blocked.
    ConsentRecord.objects.filter(pk=record.pk).update(revoked_at=None, revocation_note="")
    admin_publish(client, story)
    assert Page.objects.get(pk=story.pk).live


def draft_without_signed_form(home_page, author):
    """A patient story whose consent has no signed form: every publish path must refuse it."""
    return make_story(
        home_page,
        author=author,
        live=False,
        storyteller_type="patient",
        consent_record=make_consent(signed_form=None),
    )


def test_the_admin_api_publish_action_is_refused_too(home_page, author, admin_user, client_for):
    story = draft_without_signed_form(home_page, author)
    url = reverse("wagtailadmin_api:pages:action", args=[story.pk, "publish"])

    response = client_for(admin_user).post(url, {}, content_type="application/json")

    assert response.status_code == 403
    assert not Page.objects.get(pk=story.pk).live
    entry = PageLogEntry.objects.get(page=story, action=REFUSED)
    assert "the signed consent form is not attached" in " ".join(entry.data["reasons"])


def test_a_refusal_is_readable_in_the_page_history(home_page, author, admin_user, client_for):
    story = draft_without_signed_form(home_page, author)
    client = client_for(admin_user)
    admin_publish(client, story)
    history = client.get(reverse("wagtailadmin_pages:history", args=[story.pk]))
    assert "Publication refused: review checks fail" in history.content.decode()


def test_an_administrators_translation_sync_with_publish_is_refused_while_consent_is_invalid(
    spanish_story, admin_user, client_for, django_capture_on_commit_callbacks
):
    story_translation, spanish_page = spanish_story
    ConsentRecord.objects.filter(pk=spanish_page.specific.consent_record_id).update(
        revoked_at=timezone.now(), revocation_note="Withdrawn by the family."
    )
    sync = reverse("wagtail_localize:update_translations", args=[story_translation.source_id])

    with django_capture_on_commit_callbacks(execute=True):
        client_for(admin_user).post(sync, {"publish_translations": "on"}, follow=True)

    assert not Page.objects.get(pk=spanish_page.pk).live
    entry = PageLogEntry.objects.get(page=spanish_page, action=REFUSED)
    assert any("the consent was revoked" in reason for reason in entry.data["reasons"])


def test_an_administrators_copy_with_publish_copies_is_refused_while_consent_is_invalid(
    home_page, author, admin_user, client_for
):
    record = make_consent()
    story = make_story(home_page, author=author, storyteller_type="patient", consent_record=record)
    ConsentRecord.objects.filter(pk=record.pk).update(expires_on=timezone.localdate() - ONE_DAY)
    pages_before = Page.objects.count()

    response = client_for(admin_user).post(
        reverse("wagtailadmin_pages:copy", args=[story.pk]),
        {
            "new_title": "A copy",
            "new_slug": "a-copy",
            "new_parent_page": story.get_parent().pk,
            "publish_copies": "on",
        },
        follow=True,
    )

    assert "Nothing was copied" in response.content.decode()
    assert Page.objects.count() == pages_before
    entry = PageLogEntry.objects.get(page=story, action=REFUSED)
    assert entry.data["route"] == "copied with publish copies"
