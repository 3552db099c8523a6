"""Which language versions of a page or view exist, and where each one lives.

One source of truth for the language switcher, the ``hreflang`` links in the page head and
the sitemap, so the three never disagree about which translations are public.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.text import capfirst
from wagtail.models import Page

X_DEFAULT = "x-default"


@dataclass(frozen=True)
class Alternate:
    """One ``<link rel="alternate" hreflang=...>``: a language code (or x-default) and a URL."""

    hreflang: str
    url: str


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher."""

    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool


def language_codes() -> list[str]:
    """The site's languages in the order the settings list them (English first)."""
    return [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    """A language's name in that language ("Español"), as readers look for their own."""
    return capfirst(translation.get_language_info(code)["name_local"])


def live_versions(page: Page, request: HttpRequest | None = None) -> dict[str, Page]:
    """The live language versions of a page (itself included), keyed by language code.

    Memoised on the request: the switcher and the hreflang links ask for the same page.
    """
    cache: dict[int, dict[str, Page]] = {}
    if request is not None:
        cache = request.__dict__.setdefault("_clinic_live_versions", {})
        if page.pk in cache:
            return cache[page.pk]
    versions = {
        version.locale.language_code: version
        for version in page.get_translations(inclusive=True).live().select_related("locale")
    }
    if page.pk is not None:
        cache[page.pk] = versions
    return versions


def home_url(code: str) -> str:
    """The home page of a language: its locale root, served at ``/<code>/``."""
    with translation.override(code):
        return reverse("wagtail_serve", args=("",))


def page_alternates(versions: dict[str, Page], request: HttpRequest | None) -> list[Alternate]:
    """Absolute URLs of every live version plus x-default (the English one).

    Empty when the page exists in one language only: there is nothing to point to.
    """
    urls = {code: page.get_full_url(request) for code, page in versions.items()}
    alternates = [Alternate(code, urls[code]) for code in language_codes() if urls.get(code)]
    if len(alternates) < 2:
        return []
    if urls.get(settings.LANGUAGE_CODE):
        alternates.append(Alternate(X_DEFAULT, urls[settings.LANGUAGE_CODE]))
    return alternates


def equivalent_view_path(request: HttpRequest, code: str, *, keep_query: bool) -> str | None:
    """The same non-page view (search, feeds) in another language, or None for a missing page.

    A 404 raised while serving Wagtail pages resolves to ``wagtail_serve``; the same path in the
    other language would only be another 404, so the caller sends the reader home instead.
    """
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve":
        return None
    path = request.get_full_path() if keep_query else request.path
    translated = translate_url(path, code)
    return translated if translated != path or code == translation.get_language() else None


def switcher_links(request: HttpRequest, page: Page | None) -> list[LanguageLink]:
    """Every language: the same page when a live translation exists, else that language's home."""
    current = translation.get_language()
    versions = live_versions(page, request) if isinstance(page, Page) else {}
    links = []
    for code in language_codes():
        if isinstance(page, Page):
            version = versions.get(code)
            url = version.get_url(request) if version is not None else None
        else:
            url = equivalent_view_path(request, code, keep_query=True)
        links.append(
            LanguageLink(
                code=code,
                name=language_name(code),
                url=url or home_url(code),
                is_current=code == current,
                is_translation=url is not None,
            )
        )
    return links


def head_alternates(request: HttpRequest, page: Page | None) -> list[Alternate]:
    """The ``hreflang`` links for the page being viewed (or the non-page view).

    A page's sub-routes (an old policy version, a "what changed" view) are not the same content
    as the page, so they get none: alternates must point at equivalents of the address itself.
    """
    if isinstance(page, Page):
        if urlsplit(page.get_url(request) or "").path != request.path:
            return []
        return page_alternates(live_versions(page, request), request)
    alternates = []
    for code in language_codes():
        path = equivalent_view_path(request, code, keep_query=False)
        if path is None:
            return []
        alternates.append(Alternate(code, request.build_absolute_uri(path)))
    default = next(a.url for a in alternates if a.hreflang == settings.LANGUAGE_CODE)
    return [*alternates, Alternate(X_DEFAULT, default)]
