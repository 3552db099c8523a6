"""Backup and restore: a story, a consent record and a comment survive into a fresh database."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client

from comments.models import Comment
from home.models import HomePage
from tests.blog_factories import body, make_story, story_index
from tests.comments_support import add_comment
from tests.operations_support import (
    create_databases,
    drop_databases,
    server_url,
    using_database,
)
from tests.server_support import manage
from tests.workflow_factories import make_consent
from workflow.models import ConsentRecord

postgres_only = pytest.mark.postgres(reason="backups are pg_dump's")
STORY_TEXT = "Rosa remembers the quiet of the ward at three in the morning."
COMMENT_TEXT = "Thank you for sharing this; it helped my family."


@pytest.fixture
def databases(django_db_setup, django_db_blocker):
    """A copy of the migrated test database (the live site) and an empty one (the new server).

    The test database exists because this module also has a test marked ``django_db``.
    """
    with django_db_blocker.unblock():
        test_name = connection.settings_dict["NAME"]
        assert test_name.startswith("test_"), "the test database was not set up"
        names = (f"{test_name}_backup_live", f"{test_name}_backup_new")
        create_databases(copies=[names[0]], empty=[names[1]])
        try:
            yield names
        finally:
            drop_databases(*names)


def restore_command(folder: Path, database: str) -> subprocess.CompletedProcess:
    """``manage.py restore`` as an operator runs it, in its own process."""
    env = {
        **os.environ,
        "DATABASE_URL": server_url(database),
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.test",
    }
    return manage("restore", str(folder), env=env)


# A transactional test elsewhere may have emptied the test database: restore what
# migrations created (groups, home pages) before copying it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@postgres_only
def test_backup_restores_into_a_fresh_database_and_refuses_a_full_one(
    databases, local_media, tmp_path
):
    live, new = databases
    with using_database(live):
        home = HomePage.objects.get(depth=2, locale__language_code="en")
        story = make_story(story_index(home), "The night shift", body=body(STORY_TEXT))
        consent = make_consent("Rosa Delgado")
        add_comment(story, COMMENT_TEXT)
        image_file = Path(settings.MEDIA_ROOT) / story.hero_image.file.name
        output = io.StringIO()
        call_command("backup", "--to", str(tmp_path / "backups"), stdout=output)
    assert output.getvalue().startswith(f"backup: wrote {tmp_path / 'backups'}")
    (folder,) = (tmp_path / "backups").iterdir()
    assert {path.name for path in folder.iterdir()} == {
        "database.dump",
        "media.tar.gz",
        "manifest.json",
    }
    shutil.rmtree(settings.MEDIA_ROOT)  # the old server's disk is gone too

    with using_database(new):
        output = io.StringIO()
        call_command("restore", str(folder), stdout=output)
        assert "restore: database and" in output.getvalue()
        page = Client().get(story.url)
        assert page.status_code == 200
        html = page.content.decode()
        assert "The night shift" in html and STORY_TEXT in html and COMMENT_TEXT in html
        restored = ConsentRecord.objects.get(pk=consent.pk)
        assert (restored.person_name, restored.expires_on) == ("Rosa Delgado", consent.expires_on)
        assert image_file.is_file()
        add_comment(story, "Written after the backup.")

    refused = restore_command(folder, new)
    assert refused.returncode != 0
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"database '{new}' is not empty" in lines[0] and "--replace" in lines[0]

    with using_database(new):
        assert Comment.objects.filter(body="Written after the backup.").exists()
        call_command("restore", str(folder), "--replace", stdout=io.StringIO())
        assert list(Comment.objects.values_list("body", flat=True)) == [COMMENT_TEXT]
        assert ConsentRecord.objects.filter(person_name="Rosa Delgado").count() == 1


@postgres_only
@pytest.mark.django_db
def test_restore_refuses_a_database_that_has_tables(tmp_path):
    (tmp_path / "database.dump").write_bytes(b"PGDMP")
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(tmp_path))
    message = str(refused.value)
    assert message.startswith(f"restore: database '{connection.settings_dict['NAME']}' is not")
    assert "\n" not in message
    assert ConsentRecord.objects.model._meta.db_table in connection.introspection.table_names()


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="is not a backup folder"):
        call_command("restore", str(tmp_path))
