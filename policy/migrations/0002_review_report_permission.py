"""Let Communications see the 'Policies due for review' report (administrators see everything)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COMMUNICATIONS = "Communications"
CODENAME = "view_policy_review_report"


def ensure_permissions(apps):
    """Permissions are normally created after migrate; create this one now to grant it."""
    app_config = apps.get_app_config("policy")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def grant(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(content_type__app_label="policy", codename=CODENAME)
    group, _ = Group.objects.get_or_create(name=COMMUNICATIONS)
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name=COMMUNICATIONS):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="policy", codename=CODENAME)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("policy", "0001_initial"),
        ("workflow", "0002_editorial_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
