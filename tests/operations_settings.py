"""Production settings with plain static files, for serving the app from tests without first
collecting static files (the manifest storage needs ``collectstatic``; nothing else differs)."""

from clinic_site.settings.production import *  # noqa: F403

STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
