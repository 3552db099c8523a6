"""Email each policy's owner group about policies due for review; safe to run many times a day."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from policy.reviews import ReminderError, send_review_reminders


class Command(BaseCommand):
    help = (
        "Email the owner group of every live policy whose next review date is past or within "
        "30 days. Each policy is reminded about at most once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be sent without sending or remembering anything.",
        )

    def handle(self, *args, **options):
        try:
            outcome = send_review_reminders(timezone.localdate(), dry_run=options["dry_run"])
        except ReminderError as error:
            raise CommandError(str(error)) from error
        if not outcome.emails:
            self.stdout.write("No reminders to send: nothing is due, or today's were sent.")
            return
        verb = "Would send" if options["dry_run"] else "Sent"
        self.stdout.write(
            f"{verb} {outcome.emails} email(s) to {outcome.people} person(s) about "
            f"{outcome.policies} policy page(s) due for review."
        )
