from django.core.management.base import BaseCommand

from mentions.verification import verify_pending


class Command(BaseCommand):
    help = "Check pending Webmentions: does each source page link to its story? (bounded batch)"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--limit", type=int, default=None, help="At most this many.")

    def handle(self, *args, limit: int | None = None, **options) -> None:
        outcomes = verify_pending(limit)
        summary = ", ".join(f"{name} {count}" for name, count in sorted(outcomes.items()))
        self.stdout.write(f"verify_mentions: {summary or 'nothing pending'}")
