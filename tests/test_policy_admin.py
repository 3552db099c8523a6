"""The policy in the Wagtail admin: field errors in the editor, the review report, its readers."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Revision

from policy.models import PolicyPage
from policy.reviews import send_review_reminders
from tests.policy_fixtures import START, edit_data, make_policy, policy_index, publish_version

pytestmark = pytest.mark.django_db

LAST_EFFECTIVE = datetime.date(2024, 6, 1)
REPORT = "/admin/reports/policies-due-for-review/"


@pytest.fixture
def index(home_page):
    return policy_index(home_page)


@pytest.fixture
def policy(index):
    policy = make_policy(index)
    publish_version(policy, "1.0", START)
    publish_version(policy, "1.1", LAST_EFFECTIVE, "Written consent is required.")
    return PolicyPage.objects.get(pk=policy.pk)


def post_edit(client, policy, **overrides):
    return client.post(reverse("wagtailadmin_pages:edit", args=[policy.pk]), edit_data(**overrides))


ERRORS = [
    (
        {"version": "1.1"},
        "version",
        "Version 1.1 is not above the last published version, 1.1. "
        "Give this version a higher number, for example 1.2.",
    ),
    (
        {"version": "1.2.3"},
        "version",
        "Write the version as major.minor, for example 1.0 or 2.3.",
    ),
    (
        {"effective_date": "2024-05-31"},
        "effective_date",
        "The effective date cannot be before June 1, 2024, when the last published version "
        "(1.1) took effect.",
    ),
    (
        {"next_review_date": "2024-09-01"},
        "next_review_date",
        "The next review date must be after the effective date (Sept. 1, 2024).",
    ),
    (
        {"summary_of_changes": ""},
        "summary_of_changes",
        "Say what changed in version 1.2 since version 1.1; readers see this in the version "
        "history.",
    ),
]


@pytest.mark.parametrize(("overrides", "field", "message"), ERRORS)
def test_editor_shows_each_version_rule_as_a_field_error(
    client_for, admin_user, policy, overrides, field, message
):
    revisions = Revision.objects.count()
    response = post_edit(client_for(admin_user), policy, **overrides)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert Revision.objects.count() == revisions


def test_editor_saves_a_valid_new_version_with_the_default_review_date(client_for, comms, policy):
    response = post_edit(client_for(comms), policy)
    assert response.status_code == 302
    draft = PolicyPage.objects.get(pk=policy.pk).get_latest_revision_as_object()
    assert (draft.version, draft.next_review_date) == ("1.2", datetime.date(2025, 9, 1))
    assert PolicyPage.objects.get(pk=policy.pk).version == "1.1"  # live version unchanged


def test_communications_manage_the_policy_but_do_not_publish(comms, author, policy):
    for user in (comms, author):
        permissions = policy.permissions_for_user(user)
        assert permissions.can_edit()
        assert not permissions.can_publish()
        assert not permissions.can_unpublish()


@pytest.fixture
def due_policies(index):
    """One overdue, one due in 20 days, one due in a year (not listed)."""
    today = timezone.localdate()
    dates = {
        "overdue": today - datetime.timedelta(days=3),
        "soon": today + datetime.timedelta(days=20),
        "later": today + datetime.timedelta(days=365),
    }
    for slug, next_review in dates.items():
        policy = make_policy(index, slug=slug, title=f"Policy {slug}")
        publish_version(policy, "1.0", START, next_review_date=next_review)
    return dates


def test_report_lists_policies_due_within_30_days_or_overdue(client_for, comms, due_policies):
    response = client_for(comms).get(REPORT)
    html = response.content.decode()
    assert response.status_code == 200
    # The report's own heading: the Reports menu names it on every admin page.
    assert re.search(r"<h1[^>]*>\s*Policies due for review\s*</h1>", html)
    assert html.index("Policy overdue") < html.index("Policy soon")
    assert "Overdue by 3 days" in html and "Due in 20 days" in html
    assert "Policy later" not in html
    assert html.count("Not sent yet") == 2


def test_report_shows_when_the_last_reminder_went_out(client_for, comms, due_policies):
    today = timezone.localdate()
    send_review_reminders(today)
    html = client_for(comms).get(REPORT).content.decode()
    assert html.count(date_format(today)) == 2
    assert "Not sent yet" not in html


def test_report_downloads_as_csv(client_for, admin_user, due_policies):
    response = client_for(admin_user).get(REPORT + "?export=csv")
    content = b"".join(response.streaming_content).decode()
    assert content.splitlines()[0] == "Policy,Language,Version,Next review,Owner,Status"
    assert "Policy overdue" in content and "Overdue by 3 days" in content


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("author", False), ("reviewer", False), ("comms", True), ("admin_user", True)],
)
def test_report_is_for_communications_and_administrators(
    request, client_for, due_policies, role, allowed
):
    client = client_for(request.getfixturevalue(role))
    response = client.get(REPORT)
    dashboard = client.get("/admin/").content.decode()
    if allowed:
        assert response.status_code == 200
        assert REPORT in dashboard  # the Reports menu links to it
    else:
        assert response.status_code == 403
        assert "Only Communications and administrators can see" in response.content.decode()
        assert REPORT not in dashboard
