"""The storytellers' approvals of the demo's stories, as their approval links would record them.

Stories told by or about a patient are published (or reviewed) only with the storyteller's
approval of exactly that content, so the demo records it for each version it publishes or puts
in review. Nobody is emailed.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Page

from workflow.models import StorytellerApproval
from workflow.storyteller import content_fingerprint, needs_storyteller_approval


def approve_as_storyteller(page: Page, requested_by=None) -> StorytellerApproval | None:
    """Record the storyteller's approval of the page's latest revision (once per content)."""
    revision = page.get_latest_revision()
    version = revision.as_object()
    if not needs_storyteller_approval(version) or version.consent_record_id is None:
        return None
    fingerprint = content_fingerprint(version)
    existing = StorytellerApproval.objects.filter(
        page=page,
        consent_record_id=version.consent_record_id,
        content_fingerprint=fingerprint,
        decision=StorytellerApproval.Decision.APPROVED,
    ).first()
    if existing is not None:
        return existing
    record = version.consent_record
    now = timezone.now()
    return StorytellerApproval.objects.create(
        page=page,
        revision=revision,
        consent_record=record,
        content_fingerprint=fingerprint,
        token_hash=StorytellerApproval.new_token()[1],
        sent_to=record.email or "storyteller@example.org",
        requested_by=requested_by,
        expires_at=now + datetime.timedelta(days=14),
        decided_at=now,
        decision=StorytellerApproval.Decision.APPROVED,
        decided_by_name=record.person_name,
    )
