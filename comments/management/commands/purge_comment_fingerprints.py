"""Clear comment fingerprints older than the retention period (run daily from cron)."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from comments.antispam import FINGERPRINT_RETENTION_DAYS
from comments.models import Comment


class Command(BaseCommand):
    help = (
        "Erase the hashed client fingerprint of comments older than "
        f"{FINGERPRINT_RETENTION_DAYS} days; it is only needed to spot floods from one client."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=FINGERPRINT_RETENTION_DAYS,
            help=f"Keep fingerprints this many days (default {FINGERPRINT_RETENTION_DAYS}).",
        )

    def handle(self, *args, days: int, **options):
        if days < 0:
            raise CommandError("--days must be zero or more.")
        cutoff = timezone.now() - timedelta(days=days)
        cleared = (
            Comment.objects.filter(created_at__lt=cutoff)
            .exclude(fingerprint="")
            .update(fingerprint="")
        )
        self.stdout.write(
            f"Cleared the fingerprint of {cleared} comment(s) older than {days} days."
        )
