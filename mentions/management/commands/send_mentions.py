from django.core.management.base import BaseCommand

from mentions.sending import send_queued


class Command(BaseCommand):
    help = "Send queued Webmentions for the links in published stories (bounded batch)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--limit", type=int, default=None, help="At most this many.")

    def handle(self, *args, limit: int | None = None, **options) -> None:
        outcomes = send_queued(limit)
        summary = ", ".join(f"{name} {count}" for name, count in sorted(outcomes.items()))
        self.stdout.write(f"send_mentions: {summary or 'nothing queued'}")
