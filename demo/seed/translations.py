"""Spanish versions of the demo pages, made the way an editor makes them: with wagtail-localize.

For each English page: take a translation source (the frozen English text), record a Spanish
string for each of its segments (translation memory), then let wagtail-localize build the Spanish
page and publish it. Runs last, after every English page exists. Nothing is saved when the English
source and the Spanish strings are already as below, so a second run adds no revisions.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import NoReverseMatch
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo.seed.spanish_text import SPANISH_PAGES

from .storyteller import approve_as_storyteller
from .users import SeedContext

# Before the menu came from the page tree (#18) these Spanish pages kept their English slugs, and
# those addresses were public (bookmarks, feed readers, other sites' links). English page path
# -> the slug its Spanish version had. Each old address, and those of the pages under it, answers
# with a permanent redirect to the page's Spanish address (wagtail.contrib.redirects).
FORMER_SPANISH_SLUGS = {
    "stories/": "stories",
    "policy/": "policy",
    "policy/social-media/": "social-media",
}
# Routes of a routable page that readers' software keeps requesting: the story feeds.
FEED_ROUTES = ("feed_rss", "feed_atom")


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


def route_paths(page: Page) -> list[str]:
    """The page's own address ("") and, for a routable page, its feeds' routes ("/feed/rss/")."""
    routes = [""]
    for name in FEED_ROUTES:
        try:
            routes.append(Redirect.normalise_page_route_path(page.reverse_subpage(name)))
        except (AttributeError, NoReverseMatch):
            continue
    return routes


def redirect_former_addresses(spanish: Locale) -> int:
    """Permanent redirects from the Spanish pages' former addresses; how many were added.

    What Wagtail does by itself when a translator changes a slug (``WAGTAILREDIRECTS_AUTO_CREATE``,
    descendants included), for a database whose Spanish pages were created with today's slugs;
    feeds included, which Wagtail's own redirects leave out.
    """
    home = english_page("").get_translation_or_none(spanish)
    if home is None:
        return 0
    renamed = {}  # Spanish url_path -> the slug it had
    for path, former in FORMER_SPANISH_SLUGS.items():
        version = english_page(path).get_translation_or_none(spanish)
        if version is not None and version.slug != former:
            renamed[version.url_path] = former
    if not renamed:
        return 0
    home_address = home.get_url_parts()[2]
    under_renamed = Q()
    for url_path in renamed:
        under_renamed |= Q(url_path__startswith=url_path)
    added = 0
    for page in Page.objects.live().filter(under_renamed, locale=spanish).specific():
        parts = page.url_path[len(home.url_path) :].strip("/").split("/")
        former_parts, prefix = [], home.url_path
        for part in parts:
            prefix += f"{part}/"
            former_parts.append(renamed.get(prefix, part))
        url_parts = page.get_url_parts()
        if url_parts is None or url_parts[0] is None or former_parts == parts:
            continue
        former_address = home_address + "/".join(former_parts)
        for route in route_paths(page):
            _redirect, created = Redirect.objects.get_or_create(
                old_path=Redirect.normalise_path(former_address + (route or "/")),
                site_id=url_parts[0],
                defaults={
                    "redirect_page": page,
                    "redirect_page_route_path": route,
                    "is_permanent": True,
                },
            )
            added += created
    return added


def seed(context: SeedContext) -> None:
    spanish = Locale.objects.get(language_code="es")
    user = get_user_model().objects.filter(username="admin").first()
    for path, lines in SPANISH_PAGES.items():
        outcome = translate_page(english_page(path), lines, spanish, user)
        context.say(f"Spanish /{path}: {outcome}")
    added = redirect_former_addresses(spanish)
    if added:
        context.say(f"Spanish pages: {added} redirects from their former addresses")
