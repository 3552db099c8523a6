"""The review reports' permission (stories and videos due for clinical re-review, overdue
reviews), granted to Clinical reviewers and Communications; administrators hold it implicitly.
Until now the reports checked the group names themselves."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAME = "view_review_reports"
GROUPS = ("Clinical reviewers", "Communications")


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; create this one now to grant it.
    app_config = apps.get_app_config("workflow")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(content_type__app_label="workflow", codename=CODENAME)
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(content_type__app_label="workflow", codename=CODENAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0009_storyteller_approval_keeps_purged_revisions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="clinicalreviewtask",
            options={
                "permissions": [
                    (
                        "view_review_reports",
                        "Can see the review reports (due for clinical re-review, overdue reviews)",
                    )
                ],
                "verbose_name": "clinical review task",
                "verbose_name_plural": "clinical review tasks",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
