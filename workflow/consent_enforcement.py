"""Consent lifecycle: take offline every live page whose consent record is no longer valid.

Pages link a consent record with a foreign key (``StoryPage.consent_record``, reverse name
``stories``); the relations are found from ``ConsentRecord``'s own metadata, so this module
never imports the page apps. Unpublishing goes through Wagtail's action, whose signals take the
page out of the search index, listings, feeds and sitemap like any other unpublish.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import ForeignObjectRel
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page

from workflow.models import ConsentRecord
from workflow.notifications import notify_consent_unpublished
from workflow.storyteller import storyteller_blockers

CONSENT_UNPUBLISH_ACTION = "workflow.consent_unpublish"


@dataclass
class EnforcementReport:
    """What one enforcement pass did, for the command's summary line and the admin message."""

    invalid_records: int = 0
    unpublished: list[Page] = field(default_factory=list)
    mail_failures: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.unpublished)} page(s) unpublished, "
            f"{self.invalid_records} invalid consent record(s) checked, "
            f"{self.mail_failures} notification(s) failed"
        )


def page_relations() -> list[ForeignObjectRel]:
    """Every foreign key from a page type to ConsentRecord (stories, and any later type)."""
    return [
        relation
        for relation in ConsentRecord._meta.related_objects
        if relation.field.many_to_one and issubclass(relation.related_model, Page)
    ]


def live_pages_relying_on(records: Iterable[ConsentRecord]) -> list[tuple[Page, ConsentRecord]]:
    """Live pages linked to any of ``records``, each with the record it relies on."""
    by_id = {record.pk: record for record in records}
    found: list[tuple[Page, ConsentRecord]] = []
    for relation in page_relations():
        pages = relation.related_model.objects.live().filter(
            **{f"{relation.field.name}__in": list(by_id)}
        )
        for page in pages.order_by("pk"):
            found.append((page, by_id[getattr(page, relation.field.attname)]))
    return found


def take_offline(
    page: Page,
    record: ConsentRecord,
    reasons: list[str],
    user: AbstractBaseUser | None,
) -> int:
    """Unpublish one page, log why in its history, and tell the people concerned.

    Returns the number of notification emails that failed. Runs with the permission of the
    consent rule itself: the reviewer who revoked a consent holds no unpublish permission.
    """
    with transaction.atomic():
        UnpublishPageAction(page, user=user, log_action=False).execute(skip_permission_checks=True)
        log(
            instance=page,
            action=CONSENT_UNPUBLISH_ACTION,
            user=user,
            data={"consent_record": record.pk, "reasons": reasons},
        )
    return notify_consent_unpublished(page, reasons)


def enforce_consent(
    records: Iterable[ConsentRecord] | None = None,
    *,
    user: AbstractBaseUser | None = None,
    today: datetime.date | None = None,
) -> EnforcementReport:
    """Unpublish every live page whose consent is invalid today; safe to run again and again.

    ``records`` limits the check (the admin passes the record just edited); by default every
    consent record is checked.
    """
    today = today or timezone.localdate()
    if records is None:
        # The database finds the unsigned, expired and revoked; reading each attached form
        # finds one whose file changed since its hash was recorded.
        invalid = list(ConsentRecord.objects.invalid(today))
        invalid += [
            record
            for record in ConsentRecord.objects.filter(signed_form__isnull=False)
            .exclude(pk__in=[record.pk for record in invalid])
            .select_related("signed_form")
            if not record.is_valid(today)
        ]
        checked = invalid
    else:
        checked = list(records)
        invalid = [record for record in checked if not record.is_valid(today)]
    report = EnforcementReport(invalid_records=len(invalid))
    for page, record in live_pages_relying_on(checked):
        reasons = record.invalid_reasons(today) or offline_reasons(page)
        if reasons:
            report.mail_failures += take_offline(page, record, reasons, user)
            report.unpublished.append(page)
    return report


def offline_reasons(page: Page) -> list[str]:
    """What the live page itself says is wrong with its consent (a scope narrowed after it went
    live, for instance).

    The storyteller's approval is a gate of the review, not a condition of the consent: a live
    page is never taken offline for it.
    """
    review_blockers = getattr(page, "review_blockers", None)
    if not callable(review_blockers):
        return []
    review_only = set(storyteller_blockers(page))
    return [str(reason) for reason in review_blockers() if reason not in review_only]
