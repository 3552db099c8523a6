"""The demo's topic vocabulary in English and Spanish, made as Communications make it.

Each English topic is a snippet; its Spanish version is made with wagtail-localize (a
translation source, the Spanish strings as translation memory, then the translation saved), so
the two share a translation key and a slug. Slugs are the demo's former tags', so old
``?tag=`` addresses still work. Idempotent: only what is missing or different is saved.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from blog.models import Topic

from .translations import record_strings
from .users import SeedContext

# slug: (English name, Spanish name)
VOCABULARY: dict[str, tuple[str, str]] = {
    "cancer-care": ("Cancer care", "Atención oncológica"),
    "cardiology": ("Cardiology", "Cardiología"),
    "caregiving": ("Caregiving", "Cuidar de otros"),
    "children": ("Children", "Infancia"),
    "diabetes": ("Diabetes", "Diabetes"),
    "emergency-care": ("Emergency care", "Urgencias"),
    "family": ("Family", "Familia"),
    "imaging": ("Imaging", "Diagnóstico por imagen"),
    "neonatal-care": ("Neonatal care", "Cuidados neonatales"),
    "nursing": ("Nursing", "Enfermería"),
    "orthopaedics": ("Orthopaedics", "Traumatología"),
    "outpatient-care": ("Outpatient care", "Consultas externas"),
    "palliative-care": ("Palliative care", "Cuidados paliativos"),
    "patient-experience": ("Patient experience", "Experiencia del paciente"),
    "rehabilitation": ("Rehabilitation", "Rehabilitación"),
    "staff-life": ("Staff life", "Vida del personal"),
    "surgery": ("Surgery", "Cirugía"),
    "volunteering": ("Volunteering", "Voluntariado"),
}


def english_topics(tags) -> list[Topic]:
    """The English topics of the demo texts' tags ("emergency care"), to file a page under."""
    slugs = [slugify(tag) for tag in tags]
    return list(Topic.objects.filter(locale__language_code="en", slug__in=slugs))


@transaction.atomic
def translate_topic(topic: Topic, spanish_name: str, spanish: Locale) -> bool:
    source, _created = TranslationSource.update_or_create_from_instance(topic)
    translation, created = Translation.objects.get_or_create(source=source, target_locale=spanish)
    changed = record_strings(source, spanish, {topic.name: spanish_name})
    if created or changed or topic.get_translation_or_none(spanish) is None:
        translation.save_target()
        return True
    return False


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code="en")
    spanish = Locale.objects.get(language_code="es")
    for slug, (name, spanish_name) in VOCABULARY.items():
        topic, created = Topic.objects.get_or_create(
            locale=english, slug=slug, defaults={"name": name}
        )
        if created:
            context.say(f"topic {slug}: created")
        if translate_topic(topic, spanish_name, spanish):
            context.say(f"topic {slug}: Spanish version saved")
