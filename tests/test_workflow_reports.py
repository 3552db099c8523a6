"""The review reports in the admin's Reports menu: what each lists, and who may open it.

Access is a permission (``workflow.view_review_reports``, ``policy.view_policy_review_report``)
that the data migrations grant to groups; nobody else gets the report, only a 403 page that
says what it is.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from tests.blog_factories import make_story, make_video, video_index
from tests.conftest import make_user
from tests.policy_fixtures import START, make_policy, policy_index, publish_version

pytestmark = pytest.mark.django_db

REREVIEW = "Stories and videos due for clinical re-review"


def dashboard(client) -> str:
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_rereview_report_lists_stories_and_videos_reviewed_over_a_year_ago(
    home_page, author, reviewer, client_for
):
    now = timezone.now()
    stale = make_story(home_page, author=author, title="Reviewed long ago")
    make_story(home_page, author=author, title="Reviewed last month")
    never = make_story(home_page, author=author, title="Never reviewed")
    make_story(home_page, author=author, live=False, title="Draft never reviewed")
    video = make_video(video_index(home_page), "Night shift video", owner=author)
    policy = make_policy(policy_index(home_page), title="Social media policy")
    publish_version(policy, "1.0", START, next_review_date=now.date())
    for title, reviewed_at in (
        ("Reviewed long ago", now - datetime.timedelta(days=400)),
        ("Reviewed last month", now),
    ):
        page = type(stale).objects.get(title=title)
        type(page).objects.filter(pk=page.pk).update(
            reviewed_by_name="Samir Patel", last_reviewed_at=reviewed_at
        )

    client = client_for(reviewer)
    assert REREVIEW in dashboard(client)
    report = client.get(reverse("workflow_rereview_report")).content.decode()
    assert report.index(never.title) < report.index(stale.title)
    assert video.title in report
    assert '<th scope="col">Clinically reviewed by</th>' in report
    assert "<td>Never</td>" in report  # the never-reviewed story's last review
    assert "Reviewed last month" not in report
    assert "Draft never reviewed" not in report
    # A policy is reviewed on its own date, in "Policies due for review", never here.
    assert "Social media policy" not in report


@pytest.mark.parametrize(
    ("url_name", "title"),
    [("workflow_rereview_report", REREVIEW), ("workflow_overdue_report", "Overdue reviews")],
)
def test_authors_get_a_403_page_that_names_the_report(author, client_for, url_name, title):
    client = client_for(author)
    refused = client.get(reverse(url_name))
    assert refused.status_code == 403
    assert title in refused.content.decode()
    assert "Only clinical reviewers, Communications and administrators" in (
        refused.content.decode()
    )
    assert reverse(url_name) not in dashboard(client)


def test_the_review_reports_follow_the_permission_not_the_group_name(author, client_for):
    """An administrator grants the permission to another group in Settings → Groups."""
    leads = Group.objects.create(name="Clinical leads")
    leads.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_review_reports"),
    )
    lead = make_user("lead", "Clinical leads")
    client = client_for(lead)
    assert client.get(reverse("workflow_rereview_report")).status_code == 200
    assert client.get(reverse("workflow_overdue_report")).status_code == 200
    assert REREVIEW in dashboard(client)


def test_the_review_groups_hold_the_report_permission_and_authors_do_not():
    holders = Group.objects.filter(
        permissions__codename="view_review_reports", permissions__content_type__app_label="workflow"
    )
    assert sorted(holders.values_list("name", flat=True)) == [
        "Clinical reviewers",
        "Communications",
    ]
