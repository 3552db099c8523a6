"""Groups and permissions exist after migrate alone, with no seed step (the locales:
tests/test_translations.py)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

pytestmark = pytest.mark.django_db


def test_editorial_groups_exist_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Authors", "Clinical reviewers", "Communications"} <= names
    # Wagtail's starter groups would grant publish permission, so they are gone.
    assert not names & {"Editors", "Moderators"}


def test_no_group_holds_publish_or_bulk_delete_on_pages():
    """Only administrators publish outside the workflow; its final approval does the rest."""
    assert not GroupPagePermission.objects.filter(
        permission__codename__in=["publish_page", "bulk_delete_page"]
    ).exists()
    authors = set(
        GroupPagePermission.objects.filter(group__name="Authors").values_list(
            "permission__codename", flat=True
        )
    )
    assert authors == {"add_page", "change_page"}


def test_every_group_can_reach_the_admin():
    for name in ("Authors", "Clinical reviewers", "Communications"):
        codenames = Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        assert "access_admin" in codenames
