"""Spanish versions of the demo pages, made the way an editor makes them: with wagtail-localize.

For each English page: take a translation source (the frozen English text), record a Spanish
string for each of its segments (translation memory), then let wagtail-localize build the Spanish
page and publish it. Runs last, after every English page exists. Nothing is saved when the English
source and the Spanish strings are already as below, so a second run adds no revisions.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo.seed.spanish_text import SPANISH_PAGES

from .storyteller import approve_as_storyteller
from .users import SeedContext


class SpanishTextMissing(Exception):
    """An English string of a demo page has no Spanish line: the demo texts drifted apart."""


def english_page(path: str) -> Page:
    """An English demo page by its path under the home page ("" is the home page itself)."""
    return Page.objects.get(locale__language_code="en", url_path=f"/home/{path}").specific


def record_strings(source: TranslationSource, spanish: Locale, lines: dict[str, str]) -> bool:
    """Store a Spanish string for every segment of the source; True when anything changed."""
    changed = False
    missing = []
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = lines.get(segment.string.data)
        if text is None:
            missing.append(f"{segment.context.path}: {segment.string.data[:60]!r}")
            continue
        existing, created = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=spanish,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
        if created:
            changed = True
        elif existing.data != text:
            existing.data = text
            existing.save(update_fields=["data", "updated_at"])
            changed = True
    if missing:
        raise SpanishTextMissing(f"{source.object_repr}: no Spanish for " + "; ".join(missing))
    return changed


@transaction.atomic
def translate_page(english: Page, lines: dict[str, str], spanish: Locale, user) -> str:
    """Create or refresh the Spanish version of one page; say what happened."""
    before = TranslationSource.objects.get_for_instance_or_none(english)
    source, _created = TranslationSource.update_or_create_from_instance(english)
    source_changed = before is None or before.last_updated_at != source.last_updated_at
    translation, translation_created = Translation.objects.get_or_create(
        source=source, target_locale=spanish
    )
    strings_changed = record_strings(source, spanish, lines)
    target = english.get_translation_or_none(spanish)
    if (
        target is not None
        and target.live
        and not (source_changed or translation_created or strings_changed)
    ):
        return "unchanged"
    # Saved as a draft, then published here, rather than wagtail-localize's publish=True,
    # which publishes only when the outermost transaction commits.
    translation.save_target(user=user, publish=False)
    target = english.get_translation(spanish)
    approve_as_storyteller(target, user)
    target.get_latest_revision().publish(user=user)
    # The demo's stories are dated in the past; the Spanish version carries the same date
    # (a bookkeeping field, set without a revision).
    Page.objects.filter(pk=target.pk).update(first_published_at=english.first_published_at)
    return "published"


def seed(context: SeedContext) -> None:
    spanish = Locale.objects.get(language_code="es")
    user = get_user_model().objects.filter(username="admin").first()
    for path, lines in SPANISH_PAGES.items():
        outcome = translate_page(english_page(path), lines, spanish, user)
        context.say(f"Spanish /{path}: {outcome}")
