"""Copy media from local disk to S3: public files to the public bucket, private to private.

Run once when a site moves to S3 (after setting the AWS_* variables). File names stay the
same, so the database needs no change. Safe to repeat: a file already on S3 with the same
size is skipped.
"""

from __future__ import annotations

from pathlib import Path

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import filesizeformat

from private_media.storage import PRIVATE_STORAGE_ALIAS


def local_files(root: Path) -> list[tuple[str, Path]]:
    """Every file under ``root`` as (storage name with forward slashes, path), sorted."""
    if not root.is_dir():
        return []
    return sorted(
        (path.relative_to(root).as_posix(), path) for path in root.rglob("*") if path.is_file()
    )


class Command(BaseCommand):
    help = "Copy local media to the S3 storages (public and private); --dry-run only counts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be copied; write nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        if not getattr(settings, "MEDIA_ON_S3", False):
            raise CommandError(
                "S3 is not configured: set AWS_STORAGE_BUCKET_NAME (README, Media storage)."
            )
        plan = [
            ("public", Path(settings.MEDIA_ROOT), storages["default"]),
            ("private", Path(settings.PRIVATE_MEDIA_ROOT), storages[PRIVATE_STORAGE_ALIAS]),
        ]
        copied = {"public": 0, "private": 0}
        skipped = size = 0
        for kind, root, target in plan:
            for name, path in local_files(root):
                try:
                    if self.already_there(target, name, path):
                        skipped += 1
                        continue
                    if not dry_run:
                        self.copy(target, name, path)
                except (BotoCoreError, ClientError) as error:
                    raise CommandError(f"S3 refused {kind} file {name}: {error}") from error
                copied[kind] += 1
                size += path.stat().st_size

        total = copied["public"] + copied["private"]
        verb = "Dry run: would copy" if dry_run else "Copied"
        files = "file" if total == 1 else "files"
        self.stdout.write(
            f"{verb} {total} {files} to S3 ({copied['public']} public, {copied['private']}"
            f" private, {filesizeformat(size)}); {skipped} already there with the same size."
        )

    def already_there(self, target: Storage, name: str, path: Path) -> bool:
        return target.exists(name) and target.size(name) == path.stat().st_size

    def copy(self, target: Storage, name: str, path: Path) -> None:
        """Write ``path`` under exactly ``name``, replacing a different copy already there."""
        if target.exists(name):
            target.delete(name)
        with path.open("rb") as handle:
            saved = target.save(name, File(handle, name=name))
        if saved != name:
            raise CommandError(f"S3 stored {name} as {saved}; expected the same name.")
