"""Consent records, the review contract for page types, and the two review task models."""

from workflow.models.consent import ConsentRecord, ConsentRecordQuerySet, ReviewableMixin
from workflow.models.tasks import ClinicalReviewTask, CommsSignoffTask, RejectionForm

__all__ = [
    "ClinicalReviewTask",
    "CommsSignoffTask",
    "ConsentRecord",
    "ConsentRecordQuerySet",
    "RejectionForm",
    "ReviewableMixin",
]
