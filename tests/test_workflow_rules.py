"""The approval rules (pure functions), the consent record's own rules, and what migrate creates."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Collection, Page, Task, Workflow, WorkflowPage

from tests.workflow_factories import signed_consent_form
from workflow.groups import CLINICAL_REVIEW_TASK, SIGNOFF_TASK, WORKFLOW_NAME
from workflow.models import ClinicalReviewTask, CommsSignoffTask, ConsentRecord
from workflow.rules import (
    ApprovalFacts,
    approval_refusals,
    rereview_cutoff,
    without_approval,
)

UTC = datetime.UTC


def facts(**overrides) -> ApprovalFacts:
    values = {
        "user_id": 7,
        "submitted_by_id": 1,
        "revision_editor_ids": frozenset({1}),
        "other_stage_approver_ids": frozenset({2}),
        "page_blockers": (),
    }
    values.update(overrides)
    return ApprovalFacts(**values)


# --- separation of duties -------------------------------------------------------------------


def test_an_uninvolved_reviewer_may_approve():
    assert approval_refusals(facts()) == []


def test_the_submitter_may_not_approve():
    reasons = approval_refusals(facts(user_id=1, revision_editor_ids=frozenset({3})))
    assert reasons == ["You submitted this page for review, so someone else must approve it."]


def test_the_editor_of_the_revision_under_review_may_not_approve():
    reasons = approval_refusals(facts(revision_editor_ids=frozenset({1, 7})))
    assert reasons == [
        "You saved a version of this page since it was last published, so someone else must "
        "approve it."
    ]


def test_the_approver_of_another_stage_may_not_approve_this_one():
    reasons = approval_refusals(facts(other_stage_approver_ids=frozenset({7})))
    assert reasons == ["You approved another stage of this review; one person cannot approve both."]


def test_page_blockers_refuse_everyone_and_come_after_duty_reasons():
    blocked = facts(user_id=1, page_blockers=("Consent record: the consent was revoked.",))
    reasons = approval_refusals(blocked)
    assert len(reasons) == 3
    assert reasons[-1] == "Consent record: the consent was revoked."
    assert approval_refusals(facts(page_blockers=("anything",))) == ["anything"]


def test_a_run_without_a_recorded_submitter_refuses_nobody_for_it():
    assert not approval_refusals(
        facts(submitted_by_id=None, user_id=1, revision_editor_ids=frozenset())
    )


def test_refusing_approval_keeps_request_changes():
    actions = [
        ("reject", "Request changes", True),
        ("approve", "Approve", False),
        ("approve", "Approve with comment", True),
    ]
    assert without_approval(actions) == [("reject", "Request changes", True)]


# --- re-review dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "cutoff"),
    [
        (datetime.datetime(2026, 6, 15, 9, 30, tzinfo=UTC), datetime.datetime(2025, 6, 15, 9, 30)),
        (datetime.datetime(2024, 2, 29, 12, 0, tzinfo=UTC), datetime.datetime(2023, 2, 28, 12, 0)),
        (datetime.datetime(2026, 1, 10, 0, 0, tzinfo=UTC), datetime.datetime(2025, 1, 10, 0, 0)),
    ],
)
def test_rereview_cutoff_is_twelve_calendar_months_back(now, cutoff):
    assert rereview_cutoff(now) == cutoff.replace(tzinfo=UTC)


def test_rereview_cutoff_clamps_to_the_end_of_a_shorter_month():
    now = datetime.datetime(2026, 3, 31, tzinfo=UTC)
    assert rereview_cutoff(now, months=1) == datetime.datetime(2026, 2, 28, tzinfo=UTC)


# --- the consent record ---------------------------------------------------------------------


def consent_values(**overrides) -> dict:
    today = timezone.localdate()
    values = {
        "person_name": "Rosa Delgado",
        "relationship": ConsentRecord.Relationship.SELF,
        "purpose": "My story on the website.",
        "date_signed": today - datetime.timedelta(days=5),
        "expires_on": today + datetime.timedelta(days=100),
        "scope_web_stories": True,
    }
    values.update(overrides)
    if "signed_form" not in values:
        values["signed_form"] = signed_consent_form()
    return values


@pytest.mark.django_db
def test_invalid_queryset_matches_the_record_rules():
    today = timezone.localdate()
    records = [
        ConsentRecord.objects.create(**consent_values()),
        ConsentRecord.objects.create(**consent_values(signed_form=None)),
        ConsentRecord.objects.create(**consent_values(date_signed=None)),
        ConsentRecord.objects.create(**consent_values(scope_web_stories=False, scope_video=True)),
        ConsentRecord.objects.create(**consent_values(expires_on=today - datetime.timedelta(1))),
        ConsentRecord.objects.create(**consent_values(expires_on=today)),
        ConsentRecord.objects.create(
            **consent_values(revoked_at=timezone.now(), revocation_note="Asked by phone.")
        ),
    ]
    invalid = set(ConsentRecord.objects.invalid().values_list("pk", flat=True))
    assert invalid == {record.pk for record in records if not record.is_valid()}
    assert [record.is_valid() for record in records] == [
        True,
        False,
        False,
        False,
        False,
        True,
        False,
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        (
            {"expires_on": datetime.date(2020, 1, 1), "date_signed": datetime.date(2020, 2, 1)},
            "expires_on",
        ),
        (
            {"date_signed": datetime.date(2999, 1, 1), "expires_on": datetime.date(2999, 6, 1)},
            "date_signed",
        ),
        ({"revoked_at": datetime.datetime(2026, 1, 1, tzinfo=UTC)}, "revocation_note"),
        ({"revocation_note": "Withdrawn."}, "revoked_at"),
    ],
)
def test_consent_record_validation_names_the_field(overrides, field):
    record = ConsentRecord(**consent_values(**overrides))
    with pytest.raises(ValidationError) as raised:
        record.full_clean()
    assert field in raised.value.message_dict


@pytest.mark.django_db
def test_consent_form_must_live_in_a_private_collection():
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    public = Collection.get_first_root_node()
    document = get_document_model().objects.create(
        title="Signed form",
        file=ContentFile(b"%PDF-1.4 signed", name="form.pdf"),
        collection=public,
    )
    record = ConsentRecord(**consent_values(signed_form=document))
    with pytest.raises(ValidationError) as raised:
        record.full_clean()
    assert "signed_form" in raised.value.message_dict

    private = Collection.objects.get(name="Consent forms")
    document.collection = private
    document.save()
    ConsentRecord(**consent_values(signed_form=document)).full_clean()


# --- what a fresh migrate creates -----------------------------------------------------------


@pytest.mark.django_db
def test_the_review_workflow_exists_with_its_two_stages_in_order():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == [CLINICAL_REVIEW_TASK, SIGNOFF_TASK]
    assert isinstance(tasks[0], ClinicalReviewTask)
    assert isinstance(tasks[1], CommsSignoffTask)
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [
        ["Clinical reviewers"],
        ["Communications"],
    ]
    # Wagtail's starter workflow (for a "Moderators" group that no longer exists) is gone.
    assert list(Workflow.objects.values_list("name", flat=True)) == [WORKFLOW_NAME]
    assert Task.objects.count() == 2


@pytest.mark.django_db
def test_the_workflow_covers_the_whole_tree_in_every_locale(home_page, spanish):
    root = Page.objects.get(depth=1)
    assert WorkflowPage.objects.get(page=root).workflow.name == WORKFLOW_NAME
    spanish_home = home_page.copy_for_translation(spanish)
    for page in (home_page, spanish_home):
        assert page.get_workflow().name == WORKFLOW_NAME


@pytest.mark.django_db
def test_consent_record_permissions_go_to_reviewers_and_communications_only():
    def codenames(group_name: str) -> set[str]:
        return set(
            Group.objects.get(name=group_name)
            .permissions.filter(content_type__app_label="workflow")
            .values_list("codename", flat=True)
        )

    expected = {
        "view_consentrecord",
        "add_consentrecord",
        "change_consentrecord",
        "view_review_reports",  # the review reports (test_workflow_reports)
    }
    assert codenames("Clinical reviewers") == expected
    assert codenames("Communications") == expected
    assert codenames("Authors") == set()
