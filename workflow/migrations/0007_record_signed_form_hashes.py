"""Record the SHA-256 of every signed form already attached, as it is now.

A form whose file cannot be read keeps an empty hash and so shows as changed (invalid) until an
administrator attaches it again.
"""

import hashlib

from django.db import migrations


def record_hashes(apps, schema_editor):
    ConsentRecord = apps.get_model("workflow", "ConsentRecord")
    for record in ConsentRecord.objects.filter(signed_form__isnull=False).select_related(
        "signed_form"
    ):
        digest = hashlib.sha256()
        try:
            with record.signed_form.file.open("rb") as content:
                for chunk in iter(lambda: content.read(64 * 1024), b""):
                    digest.update(chunk)
        except (OSError, ValueError):
            continue
        ConsentRecord.objects.filter(pk=record.pk).update(signed_form_sha256=digest.hexdigest())


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0006_consent_scopes_and_signed_form_hash"),
    ]

    operations = [migrations.RunPython(record_hashes, migrations.RunPython.noop)]
