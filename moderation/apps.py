from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """What the comment and mention queues share: no models or URLs of its own."""

    name = "moderation"
    verbose_name = _("Moderation")
