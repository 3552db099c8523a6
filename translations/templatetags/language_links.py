"""``{% language_switcher page %}`` and ``{% hreflang_links page %}`` for the base template."""

from __future__ import annotations

from typing import Any

from django import template
from wagtail.models import Page

from translations.alternates import head_alternates, switcher_links

register = template.Library()


def _page(value: Any) -> Page | None:
    """Views that are not Wagtail pages (search, 404) have no ``page`` in their context."""
    return value if isinstance(value, Page) else None


@register.inclusion_tag("translations/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context, page: Any = None) -> dict[str, Any]:
    request = context.get("request")
    if request is None:
        return {"links": []}
    return {"links": switcher_links(request, _page(page))}


@register.inclusion_tag("translations/hreflang_links.html", takes_context=True)
def hreflang_links(context: template.Context, page: Any = None) -> dict[str, Any]:
    request = context.get("request")
    if request is None:
        return {"alternates": []}
    return {"alternates": head_alternates(request, _page(page))}
