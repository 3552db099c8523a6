"""The public "Clinically reviewed by … · Next review due …" line of reviewed pages."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone

from workflow.rules import REREVIEW_AFTER_MONTHS, rereview_cutoff

register = template.Library()


def next_review_due(last_reviewed_at: datetime.datetime) -> datetime.date:
    """The day a clinical review goes out of date: the re-review interval after it."""
    reviewed_on = timezone.localtime(last_reviewed_at)
    return rereview_cutoff(reviewed_on, -REREVIEW_AFTER_MONTHS).date()


@register.inclusion_tag("workflow/includes/clinical_review.html")
def clinical_review_line(
    item: object, next_due: datetime.date | None = None, css_class: str = "story__reviewed"
) -> dict:
    """``item``'s reviewer and date, and when the next review is due: the page's own date
    (the policy's next review date) or the re-review interval after the last review."""
    last = getattr(item, "last_reviewed_at", None)
    name = getattr(item, "reviewed_by_name", "")
    return {
        "name": name,
        "last_reviewed_at": last,
        "next_due": next_due or (next_review_due(last) if last else None),
        "css_class": css_class,
        "shown": bool(name and last),
    }
