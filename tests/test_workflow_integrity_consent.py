"""Consent against content, the signed form's hash, who sees what of a record, and the facts of a
record that are final for everyone but administrators."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, Revision

from blog.models import VideoPage
from tests.blog_factories import make_story, make_video, video_index
from tests.test_workflow_consent import consent_form, consent_url
from tests.workflow_factories import edit_url, make_consent, offered_actions, signed_consent_form
from workflow.models import ConsentRecord

pytestmark = pytest.mark.django_db

VIDEO = {
    "video_url": "https://youtu.be/dQw4w9WgXcQ",
    "title": "Walter walks again",
    "duration": "2:10",
    "captions_available": False,
    "transcript": "<p>Walter talks about his recovery.</p>",
}


def patient_story(home_page, author, record, **fields):
    """A patient story in clinical review (started directly: the editor's test form data
    cannot carry video blocks)."""
    story = make_story(
        home_page,
        author=author,
        live=False,
        storyteller_type="patient",
        consent_record=record,
        **fields,
    )
    story.get_workflow().start(story, author)
    return story


def reviewer_editor(client_for, reviewer, story) -> str:
    return client_for(reviewer).get(edit_url(story)).content.decode()


@pytest.mark.parametrize(
    ("scope", "fields", "missing"),
    [
        ("scope_video", {"body": [("video", VIDEO)], "byline": ""}, "video"),
        ("scope_photographs", {"byline": ""}, "photographs of the patient"),
        ("scope_name_in_byline", {"images_show_patient": False}, "name in the byline"),
    ],
)
def test_a_story_showing_more_than_its_consent_covers_cannot_be_approved(
    home_page, author, reviewer, client_for, scope, fields, missing
):
    record = make_consent(**{scope: False})
    story = patient_story(home_page, author, record, **fields)

    assert offered_actions(story, reviewer) == ["reject"]
    assert f"Consent record {record.reference} does not cover: {missing}." in reviewer_editor(
        client_for, reviewer, story
    )

    ConsentRecord.objects.filter(pk=record.pk).update(**{scope: True})
    assert "approve" in offered_actions(story, reviewer)


def test_an_anonymous_story_with_pictures_of_places_needs_only_the_web_scope(
    home_page, author, reviewer, client_for
):
    record = make_consent(scope_video=False, scope_photographs=False, scope_name_in_byline=False)
    story = patient_story(home_page, author, record, byline="", images_show_patient=False)
    assert "approve" in offered_actions(story, reviewer)


def test_a_consent_without_its_signed_form_is_not_valid(home_page, author, reviewer, client_for):
    record = make_consent(signed_form=None)
    story = patient_story(home_page, author, record)
    assert offered_actions(story, reviewer) == ["reject"]
    assert "the signed consent form is not attached" in reviewer_editor(client_for, reviewer, story)


def test_a_signed_form_whose_file_changed_makes_the_consent_invalid(
    home_page, author, reviewer, client_for
):
    record = make_consent()
    assert len(record.signed_form_sha256) == 64
    story = patient_story(home_page, author, record)
    assert "approve" in offered_actions(story, reviewer)

    # The file is overwritten in storage behind the record's back (same name, other bytes).
    form = record.signed_form
    storage, name = form.file.storage, form.file.name
    storage.delete(name)
    storage.save(name, signed_consent_form(content=b"%PDF-1.4\n% a forgery\n%%EOF\n").file)

    assert offered_actions(story, reviewer) == ["reject"]
    assert "the signed form changed since it was recorded" in reviewer_editor(
        client_for, reviewer, story
    )
    listing = client_for(reviewer).get(consent_url("list")).content.decode()
    assert "Not usable" in listing


def test_authors_choose_and_see_a_consent_only_by_its_label(
    home_page, author, reviewer, comms, consent_viewer, client_for
):
    record = make_consent(person_name="Rosa Delgado")
    story = make_story(
        home_page, author=author, live=False, storyteller_type="patient", consent_record=record
    )
    chooser = reverse("wagtailsnippetchoosers_workflow_consentrecord:choose")
    download = record.signed_form.url

    author_client = client_for(author)
    for page in (author_client.get(chooser), author_client.get(edit_url(story))):
        html = page.content.decode()
        assert record.reference in html
        assert "Rosa Delgado" not in html and download not in html

    # The permission decides, not the group: an author granted it sees what reviewers see.
    for staff in (reviewer, comms, consent_viewer):
        client = client_for(staff)
        for page in (client.get(chooser), client.get(edit_url(story))):
            html = page.content.decode()
            assert record.reference in html and "Rosa Delgado" in html
            assert download in html
    assert client_for(reviewer).get(download).status_code == 200


@pytest.fixture
def revoked_record():
    return make_consent(revoked_at=timezone.now(), revocation_note="Withdrawn by the patient.")


@pytest.mark.parametrize("role", ["reviewer", "comms"])
def test_a_revocation_cannot_be_undone_by_reviewers_or_communications(
    revoked_record, reviewer, comms, client_for, role
):
    user = {"reviewer": reviewer, "comms": comms}[role]
    client = client_for(user)
    data = consent_form(client, revoked_record, revoked_at="", revocation_note="")

    response = client.post(consent_url("edit", revoked_record.pk), data)

    assert response.status_code == 200
    assert "a revocation is final" in response.content.decode()
    stored = ConsentRecord.objects.get(pk=revoked_record.pk)
    assert stored.revoked_at == revoked_record.revoked_at
    assert stored.revocation_note == "Withdrawn by the patient."
    entry = ModelLogEntry.objects.get(
        object_id=str(revoked_record.pk), action="workflow.consent_change_refused"
    )
    assert entry.user == user and entry.data["fields"] == ["revocation_note", "revoked_at"]


def test_expiry_never_moves_later_and_the_signed_form_is_never_swapped(reviewer, client_for):
    record = make_consent()
    client = client_for(reviewer)
    later = (record.expires_on + datetime.timedelta(days=365)).isoformat()
    other_form = signed_consent_form()
    for change, message in (
        ({"expires_on": later}, "The expiry date cannot move later"),
        ({"signed_form": str(other_form.pk)}, "cannot be removed or swapped"),
    ):
        response = client.post(
            consent_url("edit", record.pk), consent_form(client, record, **change)
        )
        assert response.status_code == 200
        assert message in response.content.decode()
    stored = ConsentRecord.objects.get(pk=record.pk)
    assert (stored.expires_on, stored.signed_form_id) == (record.expires_on, record.signed_form_id)
    assert ModelLogEntry.objects.filter(action="workflow.consent_change_refused").count() == 2

    earlier = (record.expires_on - datetime.timedelta(days=30)).isoformat()
    response = client.post(
        consent_url("edit", record.pk), consent_form(client, record, expires_on=earlier)
    )
    assert response.status_code == 302
    assert ConsentRecord.objects.get(pk=record.pk).expires_on.isoformat() == earlier


def test_administrators_may_still_correct_a_revocation(revoked_record, admin_user, client_for):
    client = client_for(admin_user)
    data = consent_form(client, revoked_record, revoked_at="", revocation_note="")
    assert client.post(consent_url("edit", revoked_record.pk), data).status_code == 302
    assert ConsentRecord.objects.get(pk=revoked_record.pk).revoked_at is None


def test_narrowing_a_consent_below_what_a_live_story_shows_takes_it_offline(
    home_page, author, reviewer, client_for
):
    record = make_consent()
    story = make_story(home_page, author=author, storyteller_type="patient", consent_record=record)
    client = client_for(reviewer)
    data = consent_form(client, record)
    data.pop("scope_name_in_byline")

    response = client.post(consent_url("edit", record.pk), data, follow=True)

    assert "1 page relying on this consent was unpublished" in response.content.decode()
    assert not ConsentRecord.objects.get(pk=record.pk).scope_name_in_byline
    assert not Page.objects.get(pk=story.pk).live


def test_a_video_in_which_a_patient_appears_needs_consent_covering_video(
    home_page, author, reviewer, client_for
):
    video = make_video(video_index(home_page), live=False, features_patient=True, owner=author)
    video.get_workflow().start(video, author)
    assert offered_actions(video, reviewer) == ["reject"]
    assert "A video in which a patient appears needs a linked consent record" in (
        reviewer_editor(client_for, reviewer, video)
    )

    record = make_consent(scope_video=False)
    VideoPage.objects.filter(pk=video.pk).update(consent_record=record)
    Revision.objects.filter(pk=video.get_latest_revision().pk).update(
        content={**video.get_latest_revision().content, "consent_record": record.pk}
    )
    assert f"Consent record {record.reference} does not cover: video." in reviewer_editor(
        client_for, reviewer, video
    )
    assert offered_actions(video, reviewer) == ["reject"]
    ConsentRecord.objects.filter(pk=record.pk).update(scope_video=True)
    assert "approve" in offered_actions(video, reviewer)
