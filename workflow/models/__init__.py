"""Consent records, the review contract for page types, the two review task models and the
storyteller's approval links."""

from workflow.models.consent import ConsentRecord, ConsentRecordQuerySet, ReviewableMixin
from workflow.models.storyteller import StorytellerApproval, StorytellerLinkVisit
from workflow.models.tasks import ClinicalReviewTask, CommsSignoffTask, RejectionForm

__all__ = [
    "ClinicalReviewTask",
    "CommsSignoffTask",
    "ConsentRecord",
    "ConsentRecordQuerySet",
    "RejectionForm",
    "ReviewableMixin",
    "StorytellerApproval",
    "StorytellerLinkVisit",
]
