"""Template helpers for stories and videos: structured data, durations, absolute media URLs."""

from __future__ import annotations

import datetime
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from blog.social import absolute_url
from blog.video import format_duration, iso_duration

register = template.Library()

# The same escapes as Django's json_script: the JSON can never close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data: dict) -> SafeString:
    """Render structured data as a JSON-LD data block (never executed, allowed by a strict CSP)."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


@register.filter
def video_duration(duration: datetime.timedelta | None) -> str:
    """3:05, as players show it; empty for anything but a duration."""
    return format_duration(duration) if isinstance(duration, datetime.timedelta) else ""


@register.filter(name="iso_duration")
def iso_duration_filter(duration: datetime.timedelta | None) -> str:
    """PT3M5S for <time datetime>; empty for anything but a duration."""
    return iso_duration(duration) if isinstance(duration, datetime.timedelta) else ""


@register.simple_tag(takes_context=True)
def absolute_media_url(context: template.Context, url: str) -> str:
    """A rendition's address as a full URL, for Open Graph and Twitter cards."""
    return absolute_url(context.get("request"), url)
