"""A trigram index for the "similar words" fallback of search (PostgreSQL only).

When a search finds nothing, ``search.backend`` looks for titles with words spelled like the
reader's ("kneee" -> "knee") with pg_trgm's ``%>`` operator, which this GIN index answers
without reading every index entry. ``pg_trgm`` is a trusted extension: the database owner may
create it. On SQLite nothing happens (the demo has no similar-words fallback).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {"search_indexentry_title_text_trgm": "title_text"}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_communications_search_promotions"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]
    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
