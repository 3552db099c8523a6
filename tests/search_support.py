"""Helpers for the search tests: run a search through the view."""

from __future__ import annotations

from django.test import Client


def search(client: Client, language: str = "en", **params: str):
    """GET the search page in a language with these parameters; assert it answered 200."""
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200, response.status_code
    return response


def results(client: Client, language: str = "en", **params: str) -> list[str]:
    """The titles of the organic results on the requested page, in order."""
    return [item.title for item in search(client, language, **params).context["items"]]
