"""The rules a new policy version must follow, as pure functions of the proposal and history.

They are checked when an editor saves (field errors in the Wagtail editor), when a page is
saved in code, and by the review tasks before approval (``PolicyPage.review_blockers``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .versions import PublishedVersion, parse_version


@dataclass(frozen=True)
class ProposedVersion:
    """The version-related fields of the policy as the editor wants to publish it."""

    version: str
    effective_date: datetime.date | None
    next_review_date: datetime.date | None
    summary_of_changes: str


def default_next_review(effective_date: datetime.date) -> datetime.date:
    """One year after the effective date (29 February falls back to the 28th)."""
    try:
        return effective_date.replace(year=effective_date.year + 1)
    except ValueError:
        return effective_date.replace(year=effective_date.year + 1, day=28)


def version_rule_errors(
    proposed: ProposedVersion,
    last: PublishedVersion | None,
    *,
    same_version_allowed: bool = False,
) -> dict[str, str]:
    """Field name → what is wrong; empty when the proposal may be saved and published.

    ``last`` is the most recently published version. ``same_version_allowed`` is for a
    translation, whose version follows its original, and for the published content itself
    being saved again unchanged (moved, republished).
    """
    errors: dict[str, str] = {}
    key = parse_version(proposed.version)
    if last is not None and key is not None:
        if key < last.key or (key == last.key and not same_version_allowed):
            major, minor = last.key
            errors["version"] = _(
                "Version %(version)s is not above the last published version, %(last)s. "
                "Give this version a higher number, for example %(next)s."
            ) % {"version": proposed.version, "last": last.version, "next": f"{major}.{minor + 1}"}
        elif key != last.key and not proposed.summary_of_changes.strip():
            errors["summary_of_changes"] = _(
                "Say what changed in version %(version)s since version %(last)s; readers see "
                "this in the version history."
            ) % {"version": proposed.version, "last": last.version}
        elif key != last.key and (
            proposed.summary_of_changes.strip() == last.summary_of_changes.strip()
        ):
            errors["summary_of_changes"] = _(
                "This is the summary of version %(last)s. Say what changed in version "
                "%(version)s since then."
            ) % {"version": proposed.version, "last": last.version}
    if (
        last is not None
        and last.effective_date
        and proposed.effective_date
        and proposed.effective_date < last.effective_date
    ):
        errors["effective_date"] = _(
            "The effective date cannot be before %(date)s, when the last published version "
            "(%(last)s) took effect."
        ) % {"date": date_format(last.effective_date), "last": last.version}
    if (
        proposed.effective_date
        and proposed.next_review_date
        and proposed.next_review_date <= proposed.effective_date
    ):
        errors["next_review_date"] = _(
            "The next review date must be after the effective date (%(date)s)."
        ) % {"date": date_format(proposed.effective_date)}
    return errors
