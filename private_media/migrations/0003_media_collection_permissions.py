"""Collection permissions for the media rules.

- "Consent forms" gets its own grants: Clinical reviewers and Communications may add, change
  and choose documents there (they record consent). Authors get nothing: they never see a
  consent form. Grants on Root do not reach a private collection (``private_media.permissions``).
- Authors lose "change" on Root for images and documents: they edit only what they uploaded
  themselves (Wagtail's ownership rule), and never what a live page uses.
"""

from django.db import migrations

CONSENT_COLLECTION = "Consent forms"
AUTHORS = "Authors"
CONSENT_GROUPS = ["Clinical reviewers", "Communications"]
CONSENT_FORM_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
AUTHOR_ROOT_CHANGE = [("wagtailimages", "change_image"), ("wagtaildocs", "change_document")]


def permission(apps, app_label, codename):
    return apps.get_model("auth.Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    consent_forms = Collection.objects.get(depth=2, name=CONSENT_COLLECTION)
    for name in CONSENT_GROUPS:
        group = Group.objects.get(name=name)
        for app_label, codename in CONSENT_FORM_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=consent_forms,
                permission=permission(apps, app_label, codename),
            )
    GroupCollectionPermission.objects.filter(
        group__name=AUTHORS,
        collection__depth=1,
        permission__in=[permission(apps, *pair) for pair in AUTHOR_ROOT_CHANGE],
    ).delete()


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    GroupCollectionPermission.objects.filter(
        collection__depth=2, collection__name=CONSENT_COLLECTION, group__name__in=CONSENT_GROUPS
    ).delete()
    authors = Group.objects.filter(name=AUTHORS).first()
    if authors is not None:
        root = Collection.objects.get(depth=1)
        for pair in AUTHOR_ROOT_CHANGE:
            GroupCollectionPermission.objects.get_or_create(
                group=authors, collection=root, permission=permission(apps, *pair)
            )


class Migration(migrations.Migration):
    dependencies = [("private_media", "0002_private_collection_and_permission")]
    operations = [migrations.RunPython(grant, revoke)]
