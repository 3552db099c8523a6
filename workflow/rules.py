"""Who may approve a stage of a review, as pure functions of facts gathered elsewhere.

The task models (:mod:`workflow.models.tasks`) collect the facts from the database; the rules
here only decide, so they can be read and tested without one.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

APPROVE = "approve"
REJECT = "reject"
# How long a clinical review stays current before the story is due for another one.
REREVIEW_AFTER_MONTHS = 12

Action = tuple[str, str, bool]


@dataclass(frozen=True)
class ApprovalFacts:
    """What one review run knows about the person who wants to approve a stage of it."""

    user_id: int
    submitted_by_id: int | None
    revision_editor_ids: frozenset[int]
    other_stage_approver_ids: frozenset[int]
    page_blockers: Sequence[str] = field(default_factory=tuple)


def approval_refusals(facts: ApprovalFacts) -> list[str]:
    """Every reason this person may not approve; an empty list means they may.

    Separation of duties: nobody approves work they submitted or edited, and one person never
    approves two stages of the same run. The page's own blockers (consent, version rules) come
    last, so the reviewer sees what must change before anyone can approve.
    """
    reasons: list[str] = []
    if facts.submitted_by_id is not None and facts.user_id == facts.submitted_by_id:
        reasons.append(_("You submitted this page for review, so someone else must approve it."))
    if facts.user_id in facts.revision_editor_ids:
        reasons.append(
            _(
                "You saved a version of this page since it was last published, so someone else "
                "must approve it."
            )
        )
    if facts.user_id in facts.other_stage_approver_ids:
        reasons.append(
            _("You approved another stage of this review; one person cannot approve both.")
        )
    reasons.extend(facts.page_blockers)
    return reasons


def without_approval(actions: Iterable[Action]) -> list[Action]:
    """The actions left when approving is refused: requesting changes stays possible."""
    return [action for action in actions if action[0] != APPROVE]


def rereview_cutoff(
    now: datetime.datetime, months: int = REREVIEW_AFTER_MONTHS
) -> datetime.datetime:
    """The moment before which a clinical review is out of date (calendar months back).

    A day that does not exist in the target month (31 March minus one month) falls back to the
    last day of that month.
    """
    year, month_index = divmod(now.year * 12 + (now.month - 1) - months, 12)
    month = month_index + 1
    last_day = calendar.monthrange(year, month)[1]
    return now.replace(year=year, month=month, day=min(now.day, last_day))
