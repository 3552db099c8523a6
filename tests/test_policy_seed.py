"""The demo policy: three published versions with real changes, created once."""

import pytest
from django.utils import timezone
from wagtail.models import Revision

from demo.seed import pages, policy, users
from demo.seed.users import SeedContext
from home.models import HomePage
from policy.models import PolicyPage
from policy.reviews import policies_due_for_review
from policy.versions import published_versions

pytestmark = pytest.mark.django_db

URL = "/en/policy/social-media/"


def seed_policy() -> SeedContext:
    context = SeedContext(password="demo-pass-123")
    for step in (users.seed, pages.seed, policy.seed):
        step(context)
    return context


@pytest.fixture
def demo(db):
    seed_policy()
    return PolicyPage.objects.get(url_path="/home/policy/social-media/")


def test_demo_policy_has_three_published_versions_in_order(demo):
    history = published_versions(demo.pk)
    assert [entry.version for entry in history] == ["1.0", "1.1", "2.0"]
    dates = [entry.effective_date for entry in history]
    assert dates == sorted(set(dates))
    assert len({entry.summary_of_changes for entry in history}) == 3
    assert demo.live and demo.version == "2.0" and not demo.has_unpublished_changes


def test_seeding_again_adds_no_revisions(demo):
    revisions = Revision.objects.count()
    context = seed_policy()
    assert Revision.objects.count() == revisions
    assert not [line for line in context.lines if "policy" in line]


def test_demo_pages_answer_and_show_what_changed(client, demo):
    assert client.get("/en/policy/").status_code == 200
    html = client.get(URL).content.decode()
    for topic in (
        "Patient privacy comes first",
        "Speaking for yourself, not for the hospital",
        "Professional boundaries with patients online",
        "Medical advice",
        "Keeping accounts secure",
        "When something goes wrong",
        "Who to contact",
    ):
        assert topic in html
    old = client.get(URL + "versions/1.0/").content.decode()
    assert "This version is no longer in force" in old
    assert "Professional boundaries with patients online" not in old
    changes = client.get(URL + "versions/2.0/changes/").content.decode()
    assert "<ins><span" in changes and "<del><span" in changes
    assert "two-factor authentication" in changes


def test_demo_policy_is_due_for_review_soon_so_the_report_has_something(demo):
    today = timezone.localdate()
    assert list(policies_due_for_review(today)) == [demo]
    assert today < demo.next_review_date  # due soon, not overdue: the public page looks kept


def test_home_page_links_to_the_policy_when_it_has_the_field(demo):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    if hasattr(home, "policy_page"):
        assert home.policy_page_id == demo.pk
