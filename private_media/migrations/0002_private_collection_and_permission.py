"""The "Consent forms" private collection, and who may download private documents.

Clinical reviewers and Communications hold ``download_private_document``; Administrators
(superusers) hold every permission. Authors never do.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONSENT_COLLECTION = "Consent forms"
ALLOWED_GROUPS = ["Clinical reviewers", "Communications"]


def create_private_collection(apps, schema_editor):
    app_config = apps.get_app_config("private_media")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Collection = apps.get_model("wagtailcore.Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore.CollectionViewRestriction")

    permission = Permission.objects.get(
        content_type__app_label="private_media", codename="download_private_document"
    )
    groups = [Group.objects.get_or_create(name=name)[0] for name in ALLOWED_GROUPS]
    for group in groups:
        group.permissions.add(permission)

    root = Collection.objects.get(depth=1)
    collection = Collection.objects.filter(depth=2, name=CONSENT_COLLECTION).first()
    if collection is None:
        # Historical models have no treebeard API: append the child by hand.
        last_child = Collection.objects.filter(depth=2).order_by("-path").first()
        step = int(last_child.path[-4:], 36) + 1 if last_child else 1
        collection = Collection.objects.create(
            name=CONSENT_COLLECTION,
            depth=2,
            path=root.path + _base36(step).rjust(4, "0"),
            numchild=0,
        )
        root.numchild += 1
        root.save(update_fields=["numchild"])
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": "groups"}
    )
    restriction.groups.add(*groups)


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


def remove_private_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore.Collection")
    deleted, _ = Collection.objects.filter(depth=2, name=CONSENT_COLLECTION, numchild=0).delete()
    if deleted:
        root = Collection.objects.get(depth=1)
        root.numchild -= 1
        root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("private_media", "0001_initial"),
        ("workflow", "0002_editorial_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(create_private_collection, remove_private_collection)]
