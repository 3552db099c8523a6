"""``manage.py remind_overdue_reviews``: chase review stages past their due time.

Run daily by the scheduler (``SCHEDULED_JOBS``). Safe to run again: each stage's group hears at
most once a day and Communications leads once per stage, as the page's History records.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workflow.overdue import send_overdue_reminders


class Command(BaseCommand):
    help = (
        "Email the group of every review stage past its due time (once a day) and, after "
        "REVIEW_ESCALATE_AFTER more working days, the Communications leads (once)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = send_overdue_reminders()
        self.stdout.write(
            f"remind_overdue_reviews: {outcome.reminded} stage(s) reminded, "
            f"{outcome.escalated} escalated, {outcome.emails} email(s) sent"
        )
        if outcome.unassigned:
            names = ", ".join(sorted(set(outcome.unassigned)))
            self.stderr.write(f"No one to remind for: {names} (no active member with an email)")
        if outcome.failures:
            raise CommandError(
                f"{outcome.failures} email(s) could not be sent; they are tried again next run"
            )
