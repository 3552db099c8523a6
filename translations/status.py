"""Whether a translated page still reflects its original, for the editors' warning."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import Translation


def translation_of(page: Page) -> Translation | None:
    """The synced wagtail-localize translation whose target is this page, if there is one."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "source__locale")
        .first()
    )


def original_changed_at(translation: Translation) -> datetime.datetime | None:
    """When the original was last published (or, never published, last saved)."""
    original = translation.source.get_source_instance()
    return original.last_published_at or original.latest_revision_created_at


def is_out_of_date(translation: Translation) -> bool:
    """True when the original changed after the translation last took its text (the sync)."""
    changed_at = original_changed_at(translation)
    return changed_at is not None and changed_at > translation.source.last_updated_at


def out_of_date_message(translation: Translation) -> str:
    """What the editor of the translation reads, in the admin's language."""
    return _(
        "The %(language)s original of this page was changed on %(changed)s, after the last "
        "sync of this translation (%(synced)s). The public page keeps the approved "
        "translation until you sync (“Sync translated pages” on the original), translate the "
        "changes and the translation passes review again."
    ) % {
        "language": translation.source.locale.get_display_name(),
        "changed": date_format(
            timezone.localtime(original_changed_at(translation)), "DATETIME_FORMAT"
        ),
        "synced": date_format(
            timezone.localtime(translation.source.last_updated_at), "DATETIME_FORMAT"
        ),
    }
