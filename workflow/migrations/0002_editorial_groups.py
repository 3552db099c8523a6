"""Create the editorial groups and their permissions, so a fresh database needs no manual step.

Nobody but administrators (superusers) holds publish permission: pages go live only through
the review workflow's final approval.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AUTHORS = "Authors"
CLINICAL_REVIEWERS = "Clinical reviewers"
COMMUNICATIONS = "Communications"

# Page permissions granted on the tree root, so every locale's tree is covered.
PAGE_PERMISSIONS = {
    AUTHORS: ["add_page", "change_page"],
    CLINICAL_REVIEWERS: ["change_page"],
    COMMUNICATIONS: ["change_page"],
}

# (app_label, codename) pairs: admin access and the media libraries.
MEDIA_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
COLLECTION_CODENAMES = {"add_image", "change_image", "choose_image", "add_document",
                        "change_document", "choose_document"}


def ensure_permissions(apps):
    """Permissions are normally created after migrate; create them now for the data below."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    for name, page_codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in MEDIA_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            if codename in COLLECTION_CODENAMES:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
            else:
                group.permissions.add(permission)
        for codename in page_codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )

    # Wagtail's own starter groups would hand out publish permission; remove them.
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()


def remove_groups(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=list(PAGE_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
