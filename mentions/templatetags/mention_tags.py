"""Template tags for story templates: the endpoint in <head>, approved mentions under the story.

In a story template::

    {% load mention_tags %}
    {% block extra_head %}{% webmention_link %}{% endblock %}
    … {% mentions_section page %} under the story …
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.models import Page

from mentions.models import ReceivedMention

register = template.Library()


@register.simple_tag(takes_context=True)
def webmention_link(context: template.Context) -> SafeString:
    """<link rel="webmention"> with the endpoint's full address (W3C discovery)."""
    request = context.get("request")
    url = reverse("mentions:receive")
    if request is not None:
        url = request.build_absolute_uri(url)
    return format_html('<link rel="webmention" href="{}">', url)


@register.inclusion_tag("mentions/mentions_section.html")
def mentions_section(page: Page) -> dict[str, Any]:
    """Approved mentions of the story, oldest first, in one query; nothing when there are none."""
    return {"mentions": list(ReceivedMention.objects.filter(page_id=page.pk).public_display())}
