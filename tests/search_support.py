"""Helpers for the search tests: run a search through the view, translate a page to Spanish."""

from __future__ import annotations

from django.test import Client
from wagtail.models import Locale, Page

from tests.blog_factories import body


def search(client: Client, language: str = "en", **params: str):
    """GET the search page in a language with these parameters; assert it answered 200."""
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200, response.status_code
    return response


def results(client: Client, language: str = "en", **params: str) -> list[str]:
    """The titles of the organic results on the requested page, in order."""
    return [item.title for item in search(client, language, **params).context["items"]]


def translate(page: Page, locale: Locale, *, title: str, summary: str = "", text: str = ""):
    """A live translation of ``page`` (and of its parents, if missing) with new words."""
    translated = page.specific.copy_for_translation(locale, copy_parents=True, alias=False)
    translated.title = title
    translated.slug = f"{page.slug}-{locale.language_code}"
    if summary:
        translated.summary = summary
    if text:
        translated.body = body(text)
    translated.save_revision().publish()
    for ancestor in translated.get_ancestors().filter(depth__gte=2, live=False):
        ancestor.specific.save_revision().publish()
    return translated
