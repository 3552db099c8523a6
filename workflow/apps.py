from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Editorial workflow")

    def ready(self) -> None:
        from workflow.notifications import connect_review_notifications
        from workflow.signal_handlers import connect_model_signals

        connect_review_notifications()
        connect_model_signals()
