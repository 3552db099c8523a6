"""Backups: the PostgreSQL database (pg_dump custom format) and the media files, in one folder.

A backup folder holds ``database.dump`` (``pg_restore`` reads it), ``media.tar.gz`` (public media
under ``media/``, private consent documents under ``private/``) when media are on local disk, and
``manifest.json``. Media on S3 are not copied: the bucket's own versioning keeps them (README).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

DUMP = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is one line for the operator."""


def _postgres_environment() -> dict[str, str]:
    """libpq variables for the default database, so no password appears on a command line."""
    if connection.vendor != "postgresql":
        raise BackupError(f"backups need PostgreSQL; this site uses {connection.vendor}")
    for tool in ("pg_dump", "pg_restore"):
        if not shutil.which(tool):
            raise BackupError(f"{tool} is not installed (apt-get install postgresql-client)")
    database = connection.settings_dict
    values = {
        "PGDATABASE": database["NAME"],
        "PGHOST": database["HOST"] or "",
        "PGPORT": str(database["PORT"] or ""),
        "PGUSER": database["USER"] or "",
        "PGPASSWORD": database["PASSWORD"] or "",
        "PGCONNECT_TIMEOUT": "10",
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def _run(command: list[str], env: dict[str, str]) -> None:
    # The commands are fixed here; only the database settings vary, passed as libpq variables.
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        reason = " ".join(done.stderr.split())[:500] or f"exit status {done.returncode}"
        raise BackupError(f"{command[0]} failed: {reason}")


def _media_folders() -> dict[str, Path]:
    """Local media folders by their name inside the archive; none when media are on S3."""
    if getattr(settings, "MEDIA_ON_S3", False):
        return {}
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def create_backup(destination: Path) -> Path:
    """Write a new backup folder under ``destination`` and return it."""
    env = _postgres_environment()
    folder = destination / f"clinic-{timezone.now():%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True, exist_ok=False)
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", folder / DUMP], env)
    files = 0
    folders = _media_folders()
    if folders:
        with tarfile.open(folder / MEDIA, "w:gz") as archive:
            for name, root in folders.items():
                if root.is_dir():
                    archive.add(root, arcname=name)
                    files += sum(1 for path in root.rglob("*") if path.is_file())
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database": connection.settings_dict["NAME"],
        "media_files": files,
        "media": "local" if folders else "on S3, not copied",
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def table_count() -> int:
    return len(connection.introspection.table_names())


def restore_backup(folder: Path, *, replace: bool) -> int:
    """Load a backup folder into the default database and media folders; media files restored.

    Refuses a database that has tables unless ``replace``, which empties it first.
    """
    if not (folder / DUMP).is_file():
        raise BackupError(f"{folder} is not a backup folder (no {DUMP})")
    env = _postgres_environment()
    name = connection.settings_dict["NAME"]
    tables = table_count()
    if tables and not replace:
        raise BackupError(
            f"database {name!r} is not empty ({tables} tables); "
            "restore into an empty database, or add --replace to overwrite it"
        )
    if tables:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    connection.close()
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
          "--single-transaction", "-d", name, folder / DUMP], env)  # fmt: skip
    restored = 0
    if (folder / MEDIA).is_file():
        folders = _media_folders()
        with tarfile.open(folder / MEDIA) as archive:
            for member in archive.getmembers():
                top, _, rest = member.name.partition("/")
                if top in folders and rest:
                    member.name = rest
                    archive.extract(member, folders[top], filter="data")
                    restored += member.isfile()
    return restored
