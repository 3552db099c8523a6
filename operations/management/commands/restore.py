"""``manage.py restore FOLDER``: load a backup into an empty database (or --replace one)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a folder written by `backup` into the configured database and media folders."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A folder written by manage.py backup.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Empty a database that already has tables, then restore into it.",
        )

    def handle(self, *args, folder: Path, replace: bool, **options):
        try:
            files = restore_backup(folder, replace=replace)
        except BackupError as error:
            raise CommandError(f"restore: {error}") from error
        self.stdout.write(f"restore: database and {files} media file(s) restored from {folder}")
