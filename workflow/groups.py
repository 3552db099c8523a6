"""The editorial roles and the review workflow, by the names the data migrations give them."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

AUTHORS = "Authors"
CLINICAL_REVIEWERS = "Clinical reviewers"
COMMUNICATIONS = "Communications"
REVIEW_GROUPS = (CLINICAL_REVIEWERS, COMMUNICATIONS)

WORKFLOW_NAME = "Clinical and communications review"
CLINICAL_REVIEW_TASK = "Clinical review"
SIGNOFF_TASK = "Communications sign-off"


def is_review_staff(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Clinical reviewers, Communications and administrators: who may see consent matters."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=REVIEW_GROUPS).exists()


def active_members(group_name: str) -> QuerySet:
    """Active users of a group who have an email address to write to."""
    return (
        get_user_model()
        .objects.filter(groups__name=group_name, is_active=True)
        .exclude(email="")
        .distinct()
    )
