"""Helpers for the translation tests: a Spanish home page made the way the demo seed makes it,
pages translated through wagtail-localize, and the hreflang links and switcher they show."""

from __future__ import annotations

import re

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from demo.seed.spanish_text import HOME
from demo.seed.translations import translate_page


def translate_home(home_page: Page, spanish: Locale) -> Page:
    """The home page translated with wagtail-localize and published, as seed_demo does it."""
    lines = {
        **HOME,
        # The data migration's shorter introduction (seed_demo replaces it).
        home_page.hero_intro: "Pacientes, familiares, amigos y profesionales cuentan lo que "
        "vivieron, con sus propias palabras.",
    }
    translate_page(home_page, lines, spanish, None)
    return home_page.get_translation(spanish)


def alternates(html: str) -> dict[str, str]:
    """The page head's hreflang links: {hreflang: href}."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher(html: str) -> str:
    """The language switcher's markup."""
    match = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert match, "no language switcher on the page"
    return match.group(0)


def switcher_links(html: str) -> dict[str, str]:
    """The switcher's links: {language code: href} (the current language is not a link)."""
    links = re.findall(r'<a href="([^"]+)" lang="([^"]+)"', switcher(html))
    return {lang: href for href, lang in links}


def translate_every_segment(page: Page, spanish: Locale, prefix: str = "[es] ") -> Page:
    """Translate a page whose text the test does not spell out: each segment gets a prefix."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    lines = {
        segment.string.data: prefix + segment.string.data
        for segment in source.stringsegment_set.select_related("string")
    }
    translate_page(page, lines, spanish, None)
    return page.get_translation(spanish)


def translate_as_draft(page: Page, spanish: Locale, user) -> tuple[Translation, Page]:
    """Start a wagtail-localize translation of ``page`` as ``user`` would: its parent
    translated and published, the page itself saved as a draft, not live. Returns the
    translation and the Spanish page."""
    parent_source, _created = TranslationSource.get_or_create_from_instance(page.get_parent())
    Translation.objects.create(source=parent_source, target_locale=spanish).save_target(
        user=user, publish=True
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=spanish)
    translation.save_target(user=user, publish=False)
    return translation, page.get_translation(spanish)
