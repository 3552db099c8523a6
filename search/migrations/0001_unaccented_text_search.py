"""Text search configurations that stem English and Spanish and ignore accents (PostgreSQL only).

"cancer" finds "cáncer" because both the indexed text and the reader's words pass through the
``unaccent`` dictionary before stemming. On SQLite nothing happens: its FTS5 tokenizer already
folds accents and the demo has no stemming.
"""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations

CONFIGURATIONS = {"english_unaccent": "english", "spanish_unaccent": "spanish"}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, language in CONFIGURATIONS.items():
        schema_editor.execute(
            f"""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
                    CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{language});
                    ALTER TEXT SEARCH CONFIGURATION {name}
                        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {language}_stem;
                END IF;
            END $$;
            """
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        CreateExtension("unaccent"),
        migrations.RunPython(create_configurations, drop_configurations),
    ]
