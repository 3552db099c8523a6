"""The reviewer's public title on the "Clinically reviewed by" line, and "Next review due".

The title is set by the reviewer under Account (or by an administrator under Settings → Public
titles) and copied into the page when the reviewer approves its clinical review, so the line
readers see (and every cached copy of it) changes only with the next review.
"""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from accounts.models import StaffProfile, public_name
from tests.blog_factories import make_story, make_video, video_index
from tests.policy_fixtures import make_policy, policy_index
from tests.workflow_factories import submit_for_review, workflow_action

pytestmark = pytest.mark.django_db

TITLE = "Dr Samir Patel, cardiologist"
ACCOUNT = reverse("wagtailadmin_account")


def set_title_in_account_settings(client, title: str):
    html = client.get(ACCOUNT).content.decode()
    assert "Public title" in html
    data = querydict_from_html(html, form_id="w-editor-form")
    data["public_title-public_title"] = title
    return client.post(ACCOUNT, data)


def publish_through_review(home_page, author, reviewer, comms, client_for):
    story = make_story(home_page, author=author, live=False)
    submit_for_review(client_for(author), story)
    workflow_action(client_for(reviewer), story, "approve", "Accurate.")
    workflow_action(client_for(comms), story, "approve")
    return Page.objects.get(pk=story.pk).specific


def test_a_reviewer_sets_a_public_title_and_readers_see_it(
    home_page, author, reviewer, comms, client, client_for
):
    response = set_title_in_account_settings(client_for(reviewer), TITLE)
    assert response.status_code == 302
    assert StaffProfile.objects.get(user=reviewer).public_title == TITLE

    story = publish_through_review(home_page, author, reviewer, comms, client_for)
    assert story.live and story.reviewed_by_name == TITLE
    client.logout()
    html = client.get(story.url).content.decode()
    reviewed = timezone.localtime(story.last_reviewed_at).date()
    due = (
        reviewed.replace(year=reviewed.year + 1)
        if (reviewed.month, reviewed.day) != (2, 29)
        else datetime.date(reviewed.year + 1, 2, 28)
    )
    assert f"Clinically reviewed by {TITLE} on" in html
    assert "Next review due" in html
    assert f"Next review due {date_format(due, 'DATE_FORMAT')}" in html

    # A later change of title is for the pages reviewed from then on: the published line (and
    # every cached copy of it) stays what was approved.
    set_title_in_account_settings(client_for(reviewer), "Dr Samir Patel, consultant cardiologist")
    client.logout()
    assert f"Clinically reviewed by {TITLE} on" in client.get(story.url).content.decode()


def test_without_a_title_the_full_name_is_shown(reviewer):
    assert public_name(reviewer) == "Samir Patel"
    StaffProfile.objects.create(user=reviewer, public_title="  ")
    assert public_name(reviewer) == "Samir Patel"


def test_administrators_edit_anyones_title_and_nobody_else_can(
    reviewer, second_reviewer, admin_user, client_for
):
    add = reverse("public_titles:add")
    assert (
        client_for(admin_user).post(add, {"user": reviewer.pk, "public_title": TITLE}).status_code
        == 302
    )
    assert public_name(reviewer) == TITLE
    response = client_for(second_reviewer).post(
        add, {"user": reviewer.pk, "public_title": "Not a doctor"}
    )
    assert response.status_code in (302, 403)
    assert public_name(reviewer) == TITLE
    assert client_for(second_reviewer).get(reverse("public_titles:index")).status_code in (302, 403)


def test_videos_and_the_policy_show_when_the_next_review_is_due(home_page, client):
    reviewed = timezone.make_aware(datetime.datetime(2026, 3, 31, 10, 0))
    video = make_video(video_index(home_page))
    type(video).objects.filter(pk=video.pk).update(
        reviewed_by_name=TITLE, last_reviewed_at=reviewed
    )
    html = client.get(video.url).content.decode()
    assert f"Clinically reviewed by {TITLE} on March 31, 2026" in html
    assert "Next review due March 31, 2027" in html

    policy = make_policy(
        policy_index(home_page),
        next_review_date=datetime.date(2026, 12, 1),
        reviewed_by_name=TITLE,
        last_reviewed_at=reviewed,
    )
    policy.save_revision().publish()
    html = client.get(Page.objects.get(pk=policy.pk).url).content.decode()
    # The policy's own next review date.
    assert f"Next review due {date_format(datetime.date(2026, 12, 1), 'DATE_FORMAT')}" in html


def test_the_line_is_in_spanish_on_spanish_pages():
    class Reviewed:
        reviewed_by_name = TITLE
        last_reviewed_at = timezone.make_aware(datetime.datetime(2026, 3, 31, 10, 0))

    with translation.override("es"):
        html = Template("{% load clinical_review %}{% clinical_review_line item %}").render(
            Context({"item": Reviewed()})
        )
    assert f"Revisión clínica de {TITLE} el" in html
    assert "Próxima revisión prevista el" in html
