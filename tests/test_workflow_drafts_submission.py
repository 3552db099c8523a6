"""Drafts save without a video transcript; submitting needs every review blocker resolved.

Through the admin over HTTP as the author: the story editor's draft save and autosave (JSON),
"Submit for review" refused with the list of what is missing, and the checklist panel.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from blog.models import StoryPage, VideoPage
from tests.blog_factories import draftail, make_image, make_story, video_form_data, video_index
from tests.translations_support import translate_as_draft, translate_home
from tests.workflow_factories import (
    current_task_state,
    edit_form_data,
    edit_url,
    make_consent,
    submit_for_review,
)
from workflow.models import ConsentRecord

pytestmark = pytest.mark.django_db


def video_block(transcript: str = "") -> dict:
    return {
        "video_url": "https://youtu.be/dQw4w9WgXcQ",
        "title": "A tour of the ward",
        "thumbnail": make_image("Still").pk,
        "duration": "2:14",
        "captions_available": False,
        "captions_language": "",
        "transcript": rich_text(f"<p>{transcript}</p>" if transcript else ""),
    }


def story_form_with_video(client, story, transcript: str = ""):
    data = edit_form_data(client, story, body_text="replaced below")
    blocks = [("text", rich_text("<p>Words first.</p>")), ("video", video_block(transcript))]
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    data.update(nested_form_data({"body": streamfield(blocks)}))
    return data


def latest(story) -> StoryPage:
    return Page.objects.get(pk=story.pk).specific.get_latest_revision_as_object()


def test_a_story_draft_and_its_autosave_keep_a_video_without_transcript(
    home_page, author, client_for
):
    story = make_story(home_page, author=author, live=False)
    client = client_for(author)
    response = client.post(edit_url(story), story_form_with_video(client, story))
    assert response.status_code == 302  # saved, back to the editor
    assert [block.block_type for block in latest(story).body] == ["text", "video"]

    # Autosave posts the same form and expects JSON: it used to answer 400.
    data = story_form_with_video(client, story)
    data["title"] = "Night shift, autosaved"
    response = client.post(edit_url(story), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content[:300]
    assert response.json()["success"] is True
    assert latest(story).title == "Night shift, autosaved"


def test_submitting_a_story_without_transcript_is_refused_and_the_draft_kept(
    home_page, author, client_for
):
    story = make_story(home_page, author=author, live=False)
    client = client_for(author)
    data = story_form_with_video(client, story)
    data["action-submit"] = "1"
    response = client.post(edit_url(story), data, follow=True)
    assert current_task_state(story) is None  # no review started
    text = response.content.decode()
    assert "Not submitted for review" in text
    assert "The video “A tour of the ward” needs a transcript" in text
    assert [block.block_type for block in latest(story).body] == ["text", "video"]

    # The checklist in the editor lists what is missing, then ticks when it is done.
    page = client.get(edit_url(story)).content.decode()
    assert "Before you submit for review" in page
    assert "✗" in page and "needs a transcript" in page
    data = story_form_with_video(client, story, transcript="Welcome to the ward.")
    data["action-submit"] = "1"
    client.post(edit_url(story), data)
    assert current_task_state(story) is not None
    assert "✓" in client.get(edit_url(story)).content.decode()


def test_a_patient_story_without_consent_is_not_submitted(home_page, author, client_for):
    story = make_story(
        home_page, author=author, live=False, storyteller_type="patient", consent_record=None
    )
    response = submit_for_review(client_for(author), story)
    assert response.status_code == 302
    assert current_task_state(story) is None
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("needs a linked consent record" in message for message in messages)


def test_a_video_page_draft_saves_without_transcript_but_is_not_submitted(
    home_page, author, client_for
):
    client = client_for(author)
    index = video_index(home_page)
    add_url = reverse("wagtailadmin_pages:add", args=("blog", "videopage", index.pk))
    data = {**video_form_data(make_image("Still")), "transcript": draftail("")}
    data.pop("tags", None)  # topics are optional; their format is the topics app's business
    assert client.post(add_url, {**data, "action-submit": "1"}).status_code == 302
    video = VideoPage.objects.get()
    assert current_task_state(video) is None
    assert not video.live
    response = client.get(edit_url(video))
    assert "The video needs a transcript" in response.content.decode()
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data["transcript"] = draftail("Hello from the ward.")
    data["action-submit"] = "1"
    client.post(edit_url(video), data)
    assert current_task_state(video) is not None


def test_a_translation_is_not_submitted_while_its_checks_fail(
    home_page, spanish, author, client_for
):
    """The translation editor's "Submit for review" asks the same checks as the page editor."""
    translate_home(home_page, spanish)
    record = make_consent()
    story = make_story(home_page, author=author, storyteller_type="patient", consent_record=record)
    story_translation, spanish_page = translate_as_draft(story, spanish, author)
    revisions = spanish_page.revisions.count()
    # The consent lapses before the translation is submitted.
    ConsentRecord.objects.filter(pk=record.pk).update(
        expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    url = reverse("translations_submit_for_review", args=[story_translation.pk])
    response = client_for(author).post(url, follow=True)
    assert "Not submitted for review" in response.content.decode()
    assert "the consent expired on" in response.content.decode()
    assert current_task_state(spanish_page) is None
    assert spanish_page.revisions.count() == revisions + 1  # the draft is kept
