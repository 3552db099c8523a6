"""Template tags that page templates use to show comments, counts and the comment form.

In a story or video template::

    {% load comment_tags %}
    {% block extra_head %}{% comments_head page %}{% endblock %}
    … {% comment_count page %} in the header …
    {% block comments %}{% comments_section page %}{% endblock %}

In a listing, one query for all the counts::

    {% approved_comment_counts stories as counts %}
    {% for story in stories %} … {% comment_count story counts=counts %} … {% endfor %}
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString
from wagtail.models import Page

from comments.queries import approved_count, approved_counts, public_thread
from comments.rendering import format_comment_body
from comments.rendering import highlight_identifiers as highlight

register = template.Library()


@register.inclusion_tag("comments/comments_section.html", takes_context=True)
def comments_section(context: template.Context, page: Page) -> dict[str, Any]:
    """Approved comments (oldest first) with the hospital's replies nested under them, in one
    query; the policy and a link to the form.

    Nothing here depends on the reader (no form token, no messages), so the page can be cached.
    """
    request = context.get("request")
    comments = public_thread(page, request)
    return {"page": page, "comments": comments, "count": len(comments), "request": request}


@register.inclusion_tag("comments/comments_head.html")
def comments_head(page: Page) -> dict[str, Any]:
    """The comments stylesheet and the story's comment feeds as <link rel="alternate">."""
    return {"page": page}


@register.inclusion_tag("comments/comment_count.html", takes_context=True)
def comment_count(
    context: template.Context, page: Page, counts: dict[int, int] | None = None
) -> dict[str, Any]:
    """ "N comments", linking to the comments on the page; pass ``counts`` in listings. On the
    page itself the count comes from the comments its section shows (no query of its own)."""
    request = context.get("request")
    if counts is not None:
        count = counts.get(page.pk, 0)
    elif request is not None:
        count = len(public_thread(page, request))
    else:
        count = approved_count(page)
    return {"page": page, "count": count, "request": request}


@register.simple_tag
def approved_comment_counts(pages) -> dict[int, int]:
    """Approved counts for every page of a listing, in one query."""
    return approved_counts(pages)


@register.filter
def comment_body(text: str) -> SafeString:
    """A comment's plain text as safe HTML: escaped, paragraphs kept, links rel="nofollow ugc"."""
    return format_comment_body(text)


@register.filter
def highlight_identifiers(text: str) -> SafeString:
    """For moderators: the comment escaped, with suspected personal details in <mark>."""
    return highlight(text)
