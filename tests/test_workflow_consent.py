"""Patient consent: the clinical review gate, the hourly enforcement, revocation in the admin,
and who may see consent records at all."""

from __future__ import annotations

import datetime
import hashlib
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry, TaskState
from wagtail.test.utils.form_data import querydict_from_html

from tests.blog_factories import make_story
from tests.test_workflow_review import assert_refused
from tests.workflow_factories import (
    current_task_state,
    edit_url,
    make_consent,
    offered_actions,
    signed_consent_form,
    submit_for_review,
    workflow_action,
)
from workflow.groups import SIGNOFF_TASK
from workflow.models import ConsentRecord

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)


def invalid_consent(reason: str) -> ConsentRecord | None:
    if reason == "none":
        return None
    if reason == "unsigned":
        return make_consent(date_signed=None)
    if reason == "out of scope":
        return make_consent(scope_web_stories=False, scope_video=True)
    if reason == "expired":
        return make_consent(date_signed=TODAY - datetime.timedelta(days=400), expires_on=YESTERDAY)
    return make_consent(revoked_at=timezone.now(), revocation_note="Withdrawn by phone.")


@pytest.mark.parametrize(
    ("storyteller", "reason", "explanation"),
    [
        ("patient", "none", "needs a linked consent record"),
        ("family", "unsigned", "the consent has not been signed"),
        ("friend", "out of scope", "the consent does not cover web publication"),
        ("patient", "expired", "the consent expired on"),
        ("family", "revoked", "the consent was revoked"),
    ],
)
def test_clinical_review_cannot_approve_a_patient_story_without_valid_consent(
    home_page, author, reviewer, client_for, storyteller, reason, explanation
):
    story = make_story(
        home_page,
        author=author,
        live=False,
        storyteller_type=storyteller,
        consent_record=invalid_consent(reason),
    )
    # The author's "Submit for review" is refused with the reason (workflow.submission) ...
    refused = submit_for_review(client_for(author), story)
    assert current_task_state(story) is None
    assert any(explanation in str(message) for message in refused.wsgi_request._messages)
    # ... and should a review run anyway (a consent lapsing after submission), approval is not.
    story.get_workflow().start(story, author)
    client = client_for(reviewer)

    assert offered_actions(story, reviewer) == ["reject"]
    editor = client.get(edit_url(story)).content.decode()
    assert "You cannot approve this page at “Clinical review”" in editor
    assert explanation in editor
    assert_refused(workflow_action(client, story, "approve"))
    state = current_task_state(story)
    assert state.status == TaskState.STATUS_IN_PROGRESS
    story.refresh_from_db()
    assert story.reviewed_by_name == ""


@pytest.mark.parametrize(
    ("storyteller", "with_consent"), [("staff", False), ("patient", True), ("friend", True)]
)
def test_staff_stories_and_stories_with_valid_consent_can_be_approved(
    home_page, author, reviewer, client_for, storyteller, with_consent
):
    record = make_consent() if with_consent else None
    story = make_story(
        home_page, author=author, live=False, storyteller_type=storyteller, consent_record=record
    )
    submit_for_review(client_for(author), story)
    assert "approve" in offered_actions(story, reviewer)
    assert workflow_action(client_for(reviewer), story, "approve").status_code == 302
    assert current_task_state(story).task.name == SIGNOFF_TASK


def test_consent_revoked_between_the_stages_blocks_sign_off(
    home_page, author, reviewer, comms, client_for
):
    record = make_consent()
    story = make_story(
        home_page, author=author, live=False, storyteller_type="patient", consent_record=record
    )
    submit_for_review(client_for(author), story)
    workflow_action(client_for(reviewer), story, "approve")
    ConsentRecord.objects.filter(pk=record.pk).update(
        revoked_at=timezone.now(), revocation_note="Changed their mind."
    )
    assert offered_actions(story, comms) == ["reject"]
    assert_refused(workflow_action(client_for(comms), story, "approve"))
    story.refresh_from_db()
    assert not story.live


@pytest.fixture
def stories_with_consent(home_page, author, comms):
    """A live patient story whose consent lapsed yesterday, and one still valid for 10 days."""
    lapsed = make_consent(person_name="Rosa Delgado")
    expiring = make_consent(
        person_name="Tomas Ruiz", expires_on=TODAY + datetime.timedelta(days=10)
    )
    lapsed_story = make_story(
        home_page,
        author=author,
        storyteller_type="patient",
        consent_record=lapsed,
        title="Rosa and her heart",
    )
    kept_story = make_story(
        home_page,
        author=author,
        storyteller_type="family",
        consent_record=expiring,
        title="Tomas and his son",
    )
    ConsentRecord.objects.filter(pk=lapsed.pk).update(
        date_signed=TODAY - datetime.timedelta(days=400), expires_on=YESTERDAY
    )
    mail.outbox.clear()
    return lapsed_story, kept_story


def run_enforce_consent() -> str:
    out = io.StringIO()
    call_command("enforce_consent", stdout=out)
    return out.getvalue()


def test_enforce_consent_unpublishes_notifies_and_is_idempotent(
    stories_with_consent, author, comms, client
):
    lapsed_story, kept_story = stories_with_consent
    public_url = lapsed_story.url
    listing = lapsed_story.get_parent().url
    assert client.get(public_url).status_code == 200
    assert lapsed_story.title in client.get(listing).content.decode()

    output = run_enforce_consent()

    assert output == (
        "enforce_consent: 1 page(s) unpublished, 1 invalid consent record(s) checked, "
        "0 notification(s) failed\n"
    )
    lapsed_story.refresh_from_db()
    kept_story.refresh_from_db()
    assert not lapsed_story.live and kept_story.live
    assert client.get(public_url).status_code == 404
    page_list = client.get(listing).content.decode()
    assert lapsed_story.title not in page_list and kept_story.title in page_list
    entry = PageLogEntry.objects.get(page=lapsed_story, action="workflow.consent_unpublish")
    assert entry.data["reasons"] == [f"the consent expired on {YESTERDAY}"]
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == [author.email, comms.email]
    assert all("Taken offline: “Rosa and her heart”" in message.subject for message in mail.outbox)
    assert "the consent expired on" in mail.outbox[0].body

    again = run_enforce_consent()
    assert again.startswith("enforce_consent: 0 page(s) unpublished")
    assert len(mail.outbox) == 2
    assert PageLogEntry.objects.filter(action="workflow.consent_unpublish").count() == 1


def test_enforce_consent_reports_a_failure_in_one_line(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("could not connect to server:\n  Connection refused")

    monkeypatch.setattr("workflow.management.commands.enforce_consent.enforce_consent", broken)
    with pytest.raises(CommandError) as raised:
        call_command("enforce_consent")
    assert str(raised.value) == (
        "enforce_consent failed: could not connect to server: Connection refused"
    )


def consent_url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_workflow_consentrecord:{name}", args=args)


SCOPES = (
    "scope_web_stories",
    "scope_video",
    "scope_photographs",
    "scope_name_in_byline",
    "scope_social_media",
)


def consent_form(client, record: ConsentRecord, **changes: str):
    """The edit form as a browser posts it (a ticked box without a value attribute sends "on")."""
    response = client.get(consent_url("edit", record.pk))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    for scope in SCOPES:
        if scope in data:
            data[scope] = "on"
    data.update(changes)
    return data


def test_revoking_a_consent_in_the_admin_unpublishes_its_stories_at_once(
    stories_with_consent, reviewer, author, comms, client_for
):
    lapsed_story, kept_story = stories_with_consent
    record = kept_story.consent_record
    client = client_for(reviewer)
    revoked = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    data = consent_form(
        client, record, revoked_at=revoked, revocation_note="The family asked us by phone."
    )

    response = client.post(consent_url("edit", record.pk), data, follow=True)

    assert response.status_code == 200
    assert "1 page relying on this consent was unpublished: Tomas and his son." in (
        response.content.decode()
    )
    kept_story.refresh_from_db()
    assert not kept_story.live
    entry = PageLogEntry.objects.get(page=kept_story, action="workflow.consent_unpublish")
    assert entry.user == reviewer
    assert entry.data["reasons"] == ["the consent was revoked"]
    assert ModelLogEntry.objects.filter(
        object_id=str(record.pk), action="wagtail.edit", user=reviewer
    ).exists()
    assert {address for message in mail.outbox for address in message.to} == {
        author.email,
        comms.email,
    }
    # The other story's consent was not touched here; the hourly command deals with it.
    lapsed_story.refresh_from_db()
    assert lapsed_story.live


def test_consent_records_are_hidden_from_authors(author, reviewer, comms, client_for):
    record = make_consent()
    client = client_for(author)
    assert "consent-records" not in client.get(reverse("wagtailadmin_home")).content.decode()
    for url in (consent_url("list"), consent_url("add"), consent_url("edit", record.pk)):
        assert_refused(client.get(url))
    for staff in (reviewer, comms):
        client = client_for(staff)
        assert "consent-records" in client.get(reverse("wagtailadmin_home")).content.decode()
        listing = client.get(consent_url("list"))
        assert listing.status_code == 200
        assert "Rosa Delgado" in listing.content.decode()


def test_recording_a_consent_in_the_admin_validates_and_logs(reviewer, admin_user, client_for):
    client = client_for(reviewer)
    page = client.get(consent_url("add"))
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    data.update(
        {
            "person_name": "Amal Haddad",
            "relationship": "parent",
            "purpose": "My daughter's story on the website.",
            "date_signed": TODAY.isoformat(),
            "expires_on": "",
        }
    )
    data.setlist("scope_web_stories", ["on"])

    invalid = client.post(consent_url("add"), data)
    assert invalid.status_code == 200
    assert "This field is required." in invalid.content.decode()
    assert not ConsentRecord.objects.exists()

    data["expires_on"] = (TODAY + datetime.timedelta(days=730)).isoformat()
    form = signed_consent_form()
    data["signed_form"] = str(form.pk)
    assert client.post(consent_url("add"), data).status_code == 302
    record = ConsentRecord.objects.get()
    assert record.recorded_by == reviewer and record.is_valid()
    assert record.signed_form_sha256 == hashlib.sha256(form.file.open("rb").read()).hexdigest()
    assert ModelLogEntry.objects.filter(
        object_id=str(record.pk), action="wagtail.create", user=reviewer
    ).exists()

    # Deleting is for administrators, and is logged too.
    assert_refused(client.post(consent_url("delete", record.pk)))
    client = client_for(admin_user)
    assert client.post(consent_url("delete", record.pk)).status_code == 302
    assert not ConsentRecord.objects.exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(record.pk), action="wagtail.delete", user=admin_user
    ).exists()
