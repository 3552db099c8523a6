"""Communications (and administrators, who hold every permission) manage topics; Authors and
Clinical reviewers only choose them on pages, which needs no permission on the model."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MANAGERS = "Communications"
CODENAMES = ["view_topic", "add_topic", "change_topic", "delete_topic"]


def topic_permissions(apps):
    app_config = apps.get_app_config("blog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="blog", codename__in=CODENAMES)


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name=MANAGERS):
        group.permissions.add(*topic_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name=MANAGERS):
        group.permissions.remove(*topic_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0006_topics_replace_tags"),
        ("workflow", "0002_editorial_groups"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
