"""The editorial roles and the review workflow, by the names the data migrations give them.

Group names are for finding whom to write to; who may see or do something is checked by
permission (:mod:`workflow.access`, :mod:`clinic_site.admin_access`), never by group name.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

AUTHORS = "Authors"
CLINICAL_REVIEWERS = "Clinical reviewers"
COMMUNICATIONS = "Communications"

WORKFLOW_NAME = "Clinical and communications review"
CLINICAL_REVIEW_TASK = "Clinical review"
SIGNOFF_TASK = "Communications sign-off"


def active_members(group_name: str) -> QuerySet:
    """Active users of a group who have an email address to write to."""
    return (
        get_user_model()
        .objects.filter(groups__name=group_name, is_active=True)
        .exclude(email="")
        .distinct()
    )
