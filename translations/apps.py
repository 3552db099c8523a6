from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Language switcher, hreflang alternates, the multilingual sitemap and Spanish UI text."""

    name = "translations"
    verbose_name = _("Translations")
