"""Version rules at model level: numbers rise, dates hold, changes are explained."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from policy.models import PolicyPage
from policy.rules import default_next_review
from policy.versions import parse_version, published_versions
from tests.policy_fixtures import START, make_policy, policy_index, publish_version, save_draft

pytestmark = pytest.mark.django_db

LATER = datetime.date(2024, 6, 1)


@pytest.fixture
def policy(home_page):
    policy = make_policy(policy_index(home_page))
    publish_version(policy, "1.0", START, "First published version.")
    publish_version(policy, "1.1", LATER, "Written consent is required.")
    return PolicyPage.objects.get(pk=policy.pk)


def errors_of(policy: PolicyPage) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        policy.full_clean()
    return caught.value.message_dict


def edited(policy: PolicyPage, **fields) -> PolicyPage:
    values = {"summary_of_changes": "Clarified the security section.", **fields}
    for name, value in values.items():
        setattr(policy, name, value)
    policy.summary = "How staff take part online safely, updated."
    return policy


@pytest.mark.parametrize("version", ["1.1", "1.0", "0.9"])
def test_version_must_rise_above_last_published(policy, version):
    errors = errors_of(edited(policy, version=version))
    assert errors["version"] == [
        f"Version {version} is not above the last published version, 1.1. "
        "Give this version a higher number, for example 1.2."
    ]


@pytest.mark.parametrize("version", ["1.2", "1.10", "2.0"])
def test_higher_versions_are_accepted(policy, version):
    edited(policy, version=version).full_clean()


def test_versions_compare_as_numbers_not_text():
    assert parse_version("1.10") > parse_version("1.9")
    assert parse_version("10.0") > parse_version("9.12")


@pytest.mark.parametrize("version", ["1", "1.0.1", "v1.0", "01.0", "1.01", "1,0", ""])
def test_version_must_be_major_dot_minor(policy, version):
    assert "version" in errors_of(edited(policy, version=version))


def test_same_version_is_fine_while_the_draft_is_unpublished(home_page):
    policy = make_policy(policy_index(home_page))
    save_draft(policy, "1.0")
    save_draft(policy, "1.0", summary="Second draft of the first version.")
    publish_version(policy, "1.0", START)
    save_draft(policy, "1.1")
    save_draft(policy, "1.1", summary="Second draft of 1.1.")
    assert [entry.version for entry in published_versions(policy.pk)] == ["1.0"]


def test_effective_date_cannot_go_before_last_published(policy):
    errors = errors_of(edited(policy, version="1.2", effective_date=LATER - datetime.timedelta(1)))
    assert errors["effective_date"] == [
        "The effective date cannot be before June 1, 2024, when the last published version "
        "(1.1) took effect."
    ]
    edited(policy, version="1.2", effective_date=LATER).full_clean()


def test_next_review_must_follow_effective_date(policy):
    page = edited(policy, version="1.2", effective_date=LATER, next_review_date=LATER)
    assert errors_of(page)["next_review_date"] == [
        "The next review date must be after the effective date (June 1, 2024)."
    ]


def test_next_review_defaults_to_a_year_after_effective(policy):
    page = edited(policy, version="2.0", effective_date=LATER, next_review_date=None)
    page.full_clean()
    assert page.next_review_date == datetime.date(2025, 6, 1)
    assert default_next_review(datetime.date(2024, 2, 29)) == datetime.date(2025, 2, 28)


def test_new_version_needs_a_summary_of_changes(policy):
    errors = errors_of(edited(policy, version="1.2", summary_of_changes="  "))
    assert errors["summary_of_changes"] == [
        "Say what changed in version 1.2 since version 1.1; readers see this in the version "
        "history."
    ]


def test_new_version_cannot_reuse_the_last_versions_summary(policy):
    """The editor opens with the last summary filled in; keeping it would mislabel history."""
    errors = errors_of(
        edited(policy, version="1.2", summary_of_changes="Written consent is required.")
    )
    assert errors["summary_of_changes"] == [
        "This is the summary of version 1.1. Say what changed in version 1.2 since then."
    ]


def test_every_broken_rule_is_reported_at_once(policy):
    page = edited(
        policy, version="1.0", effective_date=START, next_review_date=START, summary_of_changes=""
    )
    assert set(errors_of(page)) == {"version", "effective_date", "next_review_date"}


def test_saving_the_live_version_unchanged_is_not_a_new_version(policy):
    """Moves, republishing and other housekeeping saves must not trip the version rule."""
    policy.save()  # a live page is fully validated on save
    policy.get_latest_revision().publish()
    policy.move(policy.get_parent(), pos="last-child")
    assert PolicyPage.objects.get(pk=policy.pk).version == "1.1"


def test_review_blockers_report_version_rule_violations(policy):
    draft = edited(policy, version="1.1")
    revision = draft.save_revision(clean=False)
    under_review = revision.as_object()
    assert under_review.review_blockers() == [
        "Version 1.1 is not above the last published version, 1.1. "
        "Give this version a higher number, for example 1.2."
    ]
    fixed = edited(PolicyPage.objects.get(pk=policy.pk), version="1.2")
    assert fixed.review_blockers() == []


def test_a_translation_keeps_its_originals_version_when_the_text_changes(policy, spanish):
    TranslationSource.get_or_create_from_instance(policy)
    translation = policy.copy_for_translation(spanish, copy_parents=True)
    translation.title = "Política de redes sociales"
    translation.save_revision().publish()
    translation = PolicyPage.objects.get(pk=translation.pk)
    translation.summary = "Cómo participa el personal en internet de forma segura."
    translation.full_clean()  # same version 1.1: the Spanish text was corrected, not the policy
    assert translation.locale == Locale.objects.get(language_code="es")
    assert translation.is_translation() and not policy.is_translation()
