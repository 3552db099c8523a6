from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentionsConfig(AppConfig):
    name = "mentions"
    verbose_name = _("Mentions")

    def ready(self) -> None:
        from mentions import signals

        signals.connect()
