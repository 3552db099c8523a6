"""``manage.py backup``: the database and media files into a new dated folder (see README)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format) and local media into a dated folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            type=Path,
            default=None,
            help="Folder that receives the backup folder (default: BACKUP_ROOT).",
        )

    def handle(self, *args, to: Path | None, **options):
        try:
            folder = create_backup(to or Path(settings.BACKUP_ROOT))
        except BackupError as error:
            raise CommandError(f"backup: {error}") from error
        size = sum(path.stat().st_size for path in folder.iterdir())
        self.stdout.write(f"backup: wrote {folder} ({size / 1_048_576:.1f} MiB)")
