"""What the reviewer sees in review: the consent in full, the whole of a new page, and a
confirmation of their approval. Through the admin over HTTP as the role users."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Page, Revision

from tests.blog_factories import make_story
from tests.test_workflow_request_changes import act_in_editor
from tests.workflow_factories import (
    current_task_state,
    edit_url,
    make_consent,
    save_draft,
    submit_for_review,
    workflow_action,
)

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in response.wsgi_request._messages]


def test_the_consent_tab_shows_status_scope_needed_expiry_and_the_signed_form(
    home_page, author, reviewer, client_for
):
    record = make_consent(scope_video=False, scope_name_in_byline=False)
    story = make_story(
        home_page, author=author, live=False, storyteller_type="patient", consent_record=record
    )
    story.get_workflow().start(story, author)  # as if it lapsed after submission
    html = client_for(reviewer).get(edit_url(story)).content.decode()
    assert record.reference in html and "Valid" in html
    assert "web stories, photographs of the patient" in html  # what it covers
    assert "This page needs" in html
    # The byline names the storyteller: the record must cover that, and does not.
    assert "not covered: name in the byline" in html
    assert record.expires_on.isoformat() in html or record.expires_on.strftime("%Y") in html
    assert f'href="{record.signed_form.url}"' in html


def test_comparing_a_never_published_story_shows_its_whole_content(
    home_page, author, reviewer, client_for
):
    story = make_story(home_page, author=author, live=False)
    client = client_for(author)
    save_draft(client, story)  # an autosave-like second revision with the same text
    submit_for_review(client, story)
    state = current_task_state(story)
    previous = (
        Revision.objects.filter(object_id=str(story.pk), created_at__lt=state.revision.created_at)
        .order_by("-created_at")
        .first()
    )
    url = reverse(
        "wagtailadmin_pages:revisions_compare", args=[story.pk, previous.pk, state.revision.pk]
    )
    html = client_for(reviewer).get(url).content.decode()
    assert "There are no differences between these two versions" not in html
    assert "This page was never published: all of it is shown" in html
    assert "A short story about a long night on the ward." in html
    assert f"Summary of {story.title}." in html


def test_an_author_comparing_two_drafts_sees_the_changes_between_them(
    home_page, author, reviewer, consent_viewer, client_for
):
    story = make_story(home_page, author=author, live=False)
    client = client_for(author)
    first = Page.objects.get(pk=story.pk).get_latest_revision()
    save_draft(client, story, body_text="A second draft of the night.")
    second = Page.objects.get(pk=story.pk).get_latest_revision()
    url = reverse("wagtailadmin_pages:revisions_compare", args=[story.pk, first.pk, second.pk])
    html = client.get(url).content.decode()
    assert "A second draft of the night." in html
    assert "This page was never published" not in html
    assert f"Summary of {story.title}." not in html

    # Review staff are told by the permission, not a group: an author granted it (in no review
    # group) is shown the whole never-published page, as reviewers are.
    for staff in (reviewer, consent_viewer):
        html = client_for(staff).get(url).content.decode()
        assert "This page was never published: all of it is shown" in html
        assert f"Summary of {story.title}." in html


def test_comparing_a_live_story_still_shows_only_the_changes(
    home_page, author, reviewer, client_for
):
    story = make_story(home_page, author=author)
    client = client_for(author)
    save_draft(client, story, body_text="A new ending on the ward.")
    revision = Page.objects.get(pk=story.pk).get_latest_revision()
    url = reverse("wagtailadmin_pages:revisions_compare", args=[story.pk, "live", revision.pk])
    html = client_for(reviewer).get(url).content.decode()
    assert "This page was never published" not in html
    assert "A new ending on the ward." in html
    assert f"Summary of {story.title}." not in html  # unchanged fields stay out


def test_approving_says_where_the_page_went(home_page, author, reviewer, comms, client_for):
    story = make_story(home_page, author=author, live=False)
    submit_for_review(client_for(author), story)
    response = workflow_action(client_for(reviewer), story, "approve", "Accurate.")
    assert f"Approved: {story.title} — sent to Communications sign-off." in messages_of(response)
    response = workflow_action(client_for(comms), story, "approve")
    assert f"Approved: {story.title} — published." in messages_of(response)
    assert Page.objects.get(pk=story.pk).live


def test_approving_from_the_editor_says_where_the_page_went(
    home_page, author, reviewer, client_for
):
    story = make_story(home_page, author=author, live=False)
    submit_for_review(client_for(author), story)
    response = act_in_editor(client_for(reviewer), story, "approve")
    assert response.status_code == 302
    assert f"Approved: {story.title} — sent to Communications sign-off." in messages_of(response)


def test_approving_a_scheduled_story_says_when_it_goes_live(
    home_page, author, reviewer, comms, client_for
):
    afternoon = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=2), datetime.time(15, 30)
    )
    go_live = timezone.make_aware(afternoon)
    story = make_story(home_page, author=author, live=False, go_live_at=go_live)
    submit_for_review(client_for(author), story)
    workflow_action(client_for(reviewer), story, "approve")
    mail.outbox.clear()
    response = workflow_action(client_for(comms), story, "approve")
    when = date_format(go_live, "DATETIME_FORMAT")
    assert when.endswith("3:30 p.m.")
    # The time ends in "p.m.": no sentence may end on it, which would read "p.m..".
    message = f"Approved: {story.title} — it will go live on {when}, as scheduled."
    assert message in messages_of(response)
    [to_author] = [m for m in mail.outbox if m.to == [author.email]]
    assert f"It will go live on {when}, as scheduled." in to_author.body
    assert "p.m.." not in to_author.body
    assert not Page.objects.get(pk=story.pk).live
