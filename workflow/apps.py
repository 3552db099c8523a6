from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Editorial workflow")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from workflow.notifications import connect_review_notifications
        from workflow.signal_handlers import restart_review_on_new_revision

        connect_review_notifications()
        post_save.connect(
            restart_review_on_new_revision, dispatch_uid="workflow_restart_review_on_edit"
        )
