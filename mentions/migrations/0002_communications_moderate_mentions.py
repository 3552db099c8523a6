"""Let the Communications group moderate mentions from other sites (and see the queue).

Administrators are superusers and can moderate implicitly; no other group gets the permission.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COMMUNICATIONS = "Communications"


def ensure_permissions(apps):
    """Permissions are normally created after migrate; create them now for the grant below."""
    app_config = apps.get_app_config("mentions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def grant(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(
        content_type__app_label="mentions", codename="moderate_mention"
    )
    group, _ = Group.objects.get_or_create(name=COMMUNICATIONS)
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.filter(
        content_type__app_label="mentions", codename="moderate_mention"
    ).first()
    group = Group.objects.filter(name=COMMUNICATIONS).first()
    if permission and group:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("mentions", "0001_initial"),
        ("workflow", "0002_editorial_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
