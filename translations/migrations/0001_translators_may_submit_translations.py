"""Authors and Communications may start translations ("Translate this page", "Sync").

wagtail-localize's permission is otherwise only given to Wagtail's starter groups, which the
editorial groups migration removes. It lets people create and edit translations as drafts; what
goes live is still decided by the review workflow.
"""

from django.db import migrations

TRANSLATOR_GROUPS = ["Authors", "Communications"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    for group in Group.objects.filter(name__in=TRANSLATOR_GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is not None:
        for group in Group.objects.filter(name__in=TRANSLATOR_GROUPS):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0002_editorial_groups"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
