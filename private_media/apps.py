from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivateMediaConfig(AppConfig):
    """Where media files live: public storage, private storage, and who may download what."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "private_media"
    verbose_name = _("Private media")

    def ready(self) -> None:
        from private_media import signals
        from private_media.permissions import register_policies

        signals.connect()
        register_policies()
