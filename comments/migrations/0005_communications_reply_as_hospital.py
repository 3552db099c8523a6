"""Let the Communications group reply to readers' comments as the hospital.

Administrators are superusers and can reply implicitly; they may grant the permission to other
groups (e.g. a clinical lead) in Settings → Groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COMMUNICATIONS = "Communications"
CODENAME = "reply_as_hospital"


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; create them now for the grant below.
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(content_type__app_label="comments", codename=CODENAME)
    group, _ = Group.objects.get_or_create(name=COMMUNICATIONS)
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.filter(
        content_type__app_label="comments", codename=CODENAME
    ).first()
    group = Group.objects.filter(name=COMMUNICATIONS).first()
    if permission and group:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [("comments", "0004_hospital_replies")]
    operations = [migrations.RunPython(grant, revoke)]
