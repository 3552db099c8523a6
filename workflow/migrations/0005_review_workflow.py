"""The review workflow and who may see consent records, so a fresh database needs no manual step.

- "Clinical and communications review": "Clinical review" (Clinical reviewers), then
  "Communications sign-off" (Communications), attached to the tree root so every locale's
  pages, and every page type, go through it.
- Wagtail's starter "Moderators approval" workflow is removed (its group is gone already).
- Clinical reviewers and Communications may view, add and change consent records; Authors
  get no permission on them. Deleting stays with administrators.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Clinical and communications review"
TASKS = [
    # (model name, task name, group)
    ("ClinicalReviewTask", "Clinical review", "Clinical reviewers"),
    ("CommsSignoffTask", "Communications sign-off", "Communications"),
]
CONSENT_GROUPS = ["Clinical reviewers", "Communications"]
CONSENT_CODENAMES = ["view_consentrecord", "add_consentrecord", "change_consentrecord"]
STARTER_WORKFLOW = "Moderators approval"


def ensure_permissions(apps):
    app_config = apps.get_app_config("workflow")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def remove_starter_workflow(apps):
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowState = apps.get_model("wagtailcore.WorkflowState")
    for workflow in Workflow.objects.filter(name=STARTER_WORKFLOW):
        task_ids = list(workflow.workflow_tasks.values_list("task_id", flat=True))
        if WorkflowState.objects.filter(workflow=workflow).exists():
            # Keep the history of a database that used it; just stop it applying anywhere.
            workflow.active = False
            workflow.save(update_fields=["active"])
            workflow.workflow_pages.all().delete()
            continue
        workflow.delete()
        apps.get_model("wagtailcore.Task").objects.filter(
            pk__in=task_ids, name=STARTER_WORKFLOW, task_states__isnull=True
        ).delete()


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")

    remove_starter_workflow(apps)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for sort_order, (model_name, task_name, group_name) in enumerate(TASKS):
        TaskModel = apps.get_model("workflow", model_name)
        content_type, _ = ContentType.objects.get_or_create(
            app_label="workflow", model=model_name.lower()
        )
        task, _ = TaskModel.objects.get_or_create(
            name=task_name, defaults={"content_type": content_type, "active": True}
        )
        task.groups.set([Group.objects.get_or_create(name=group_name)[0]])
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": sort_order}
        )

    root = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    ensure_permissions(apps)
    permissions = Permission.objects.filter(
        content_type__app_label="workflow", codename__in=CONSENT_CODENAMES
    )
    for group_name in CONSENT_GROUPS:
        Group.objects.get(name=group_name).permissions.add(*permissions)


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name__in=[name for _model, name, _group in TASKS]).delete()
    permissions = Permission.objects.filter(
        content_type__app_label="workflow", codename__in=CONSENT_CODENAMES
    )
    for group in Group.objects.filter(name__in=CONSENT_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0004_review_tasks"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(create_workflow, remove_workflow)]
