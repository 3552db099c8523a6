"""The share panel of stories and videos: a Share button (Web Share API) over plain links.

Everything is first-party and nothing is fetched before the reader acts: the button is
revealed by ``blog/share.js``; without JavaScript the page shows the link to copy and the
plain share links.
"""

from __future__ import annotations

from typing import Any

from django import template
from wagtail.models import Page

from blog.social import share_links

register = template.Library()


@register.inclusion_tag("blog/includes/share.html", takes_context=True)
def share_panel(
    context: template.Context, page: Page, heading: str, links: list | None = None
) -> dict[str, Any]:
    """``links`` are the page's share links when the view already built them."""
    request = context.get("request")
    return {
        "heading": heading,
        "title": page.title,
        "url": page.get_full_url(request),
        "links": share_links(page, request) if links is None else links,
    }
