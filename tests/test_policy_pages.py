"""The public policy: header, history from published revisions, old versions and what changed."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail_localize.models import TranslationSource

from policy.models import PolicyPage
from tests.policy_fixtures import (
    START,
    make_policy,
    policy_index,
    publish_version,
    save_draft,
    section,
)

pytestmark = pytest.mark.django_db

URL = "/en/policy/social-media/"
BODY_1_0 = [
    section(
        "Patient privacy",
        "Never share patient information without consent. Ask Communications first.",
    ),
    section("Security", "Use a strong password."),
]
BODY_1_1 = [
    section(
        "Patient privacy",
        "Never share patient information without consent. Consent must be written down.",
    ),
    section("Security", "Use a strong password."),
]


@pytest.fixture
def index(home_page):
    return policy_index(home_page)


@pytest.fixture
def policy(index):
    policy = make_policy(index)
    publish_version(policy, "1.0", START, "First published version.", body=BODY_1_0)
    publish_version(policy, "1.1", datetime.date(2024, 3, 1), "Written consent.", body=BODY_1_1)
    return PolicyPage.objects.get(pk=policy.pk)


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_header_states_version_dates_and_owner(client, policy):
    html = html_of(client.get(URL))
    assert (
        "Version 1.1, effective March 1, 2024, next review March 1, 2025, owner: Communications"
        in html
    )
    assert "Approved by: Chief Executive" in html
    assert "The current version is always at http://localhost/en/policy/social-media/" in html
    assert 'href="/static/policy/policy.css"' in html
    assert 'name="robots"' not in html
    assert "<script>" not in html and "style=" not in html


def test_sections_are_listed_under_on_this_page(client, policy):
    html = html_of(client.get(URL))
    assert '<a href="#section-patient-privacy">Patient privacy</a>' in html
    assert 'id="section-patient-privacy"' in html


def test_history_lists_only_published_versions_newest_first(client, policy):
    save_draft(policy, "1.2", summary_of_changes="A draft nobody approved yet.")
    rejected = save_draft(policy, "2.0", summary_of_changes="Rejected in review.")
    assert rejected.pk  # saved as a revision, never published
    html = html_of(client.get(URL))
    history = html[html.index('id="policy-history-heading"') :]
    versions = re.findall(r"Version (\d+\.\d+)\s*(?:<span|</h3>)", history)
    assert versions == ["1.1", "1.0"]
    assert "Written consent." in history and "First published version." in history
    assert "A draft nobody approved yet." not in html and "Rejected in review." not in html
    assert "March 1, 2024" in history and "Jan. 1, 2023" in history


def test_earlier_version_is_readable_and_marked_not_in_force(client, policy):
    html = html_of(client.get(URL + "versions/1.0/"))
    assert "This version is no longer in force" in html
    assert f'<a href="{URL}">see the current policy</a>' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Ask Communications first." in html
    assert "Consent must be written down." not in html
    assert "Version 1.0, effective Jan. 1, 2023" in html


def test_current_version_url_leads_to_the_page(client, policy):
    response = client.get(URL + "versions/1.1/")
    assert response.status_code == 302
    assert response["Location"] == URL


@pytest.mark.parametrize(
    "path",
    [
        "versions/9.9/",
        "versions/1.2/",
        "versions/abc/",
        "versions/1.0.0/",
        "versions/1/",
        "versions/%3Cscript%3E/",
        "versions/1.0/changes/",
    ],
)
def test_unknown_or_garbage_versions_are_not_found(client, policy, path):
    save_draft(policy, "1.2")
    assert client.get(URL + path).status_code == 404


def test_what_changed_marks_added_and_removed_sentences(client, policy):
    html = html_of(client.get(URL + "versions/1.1/changes/"))
    assert "What changed in version 1.1" in html
    assert (
        '<ins><span class="visually-hidden">Added: </span>Consent must be written down.</ins>'
        in html
    )
    assert (
        '<del><span class="visually-hidden">Removed: </span>Ask Communications first.</del>' in html
    )
    assert "Never share patient information without consent." in html
    assert '<meta name="robots" content="noindex">' in html


def test_what_changed_for_an_older_version_compares_with_the_one_before(client, policy):
    publish_version(policy, "2.0", datetime.date(2025, 1, 1), "Rewritten.", body=BODY_1_0)
    html = html_of(client.get(URL + "versions/1.1/changes/"))
    assert "compared with version 1.0" in html
    assert "This version is no longer in force" in html


def test_page_queries_do_not_grow_with_the_history(client, index, django_assert_max_num_queries):
    """One fixed bound for 3 and for 25 published versions (measured: 11 queries for both)."""
    for count, slug in ((3, "short-history"), (25, "long-history")):
        policy = make_policy(index, slug=slug, title=f"Policy {count}")
        for minor in range(count):
            publish_version(policy, f"1.{minor}", START + datetime.timedelta(days=minor))
        with django_assert_max_num_queries(14):
            html = html_of(client.get(f"/en/policy/{slug}/"))
        assert html.count('class="policy-history__item"') == count


def test_a_translation_points_to_the_history_in_the_original_language(client, policy, spanish):
    TranslationSource.get_or_create_from_instance(policy)
    translation = policy.copy_for_translation(spanish, copy_parents=True)
    translation.save_revision().publish()
    html = html_of(client.get("/es/policy/social-media/"))
    assert f'<a href="{URL}#policy-history-heading" hreflang="en">' in html
    assert "policy-history__original" not in html_of(client.get(URL))


def test_index_page_lists_live_policies(client, policy, index):
    make_policy(index, slug="draft-policy", title="Unpublished policy")
    html = html_of(client.get("/en/policy/"))
    assert f'href="{URL}"' in html
    assert "Version 1.1, effective March 1, 2024" in html
    assert "Unpublished policy" not in html


def test_policy_is_found_by_site_search(policy):
    results = PolicyPage.objects.live().search("Consent")
    assert [page.pk for page in results] == [policy.pk]


def test_print_stylesheet_hides_navigation_and_shows_link_targets():
    css = (Path(settings.BASE_DIR) / "policy/static/policy/policy.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert ".policy-toc" in print_rules and "display: none" in print_rules
    assert 'content: " (" attr(href) ")"' in print_rules
