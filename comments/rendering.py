"""Turning a reader's plain text into safe HTML, for the public page and for moderators."""

from __future__ import annotations

import re

from django.utils.html import Urlizer, escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

from comments.prescreen import IDENTIFIER_LABELS, find_identifiers

# C0 control characters other than tab and line breaks: never meaningful in a comment, and
# not allowed in XML 1.0, so they would break the comment feeds.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def strip_control_characters(text: str) -> str:
    return _CONTROL_CHARACTERS.sub("", text)


class _ReaderLinkUrlizer(Urlizer):
    """Django's urlize, with links marked as user-generated and not endorsed by the hospital."""

    url_template = '<a href="{href}" rel="nofollow ugc noopener"{attrs}>{url}</a>'


_urlize = _ReaderLinkUrlizer()


def format_comment_body(text: str) -> SafeString:
    """Escape everything, autolink URLs (rel="nofollow ugc noopener"), keep paragraphs."""
    linked = _urlize(text, trim_url_limit=60, nofollow=False, autoescape=True)
    return mark_safe(linebreaks(linked, autoescape=False))  # noqa: S308 - escaped just above


def highlight_identifiers(text: str) -> SafeString:
    """The comment text, escaped, with each suspected identifier wrapped in <mark>."""
    parts: list[str] = []
    position = 0
    for finding in find_identifiers(text):
        if finding.start < position:  # overlapping findings: the first one wins
            continue
        parts.append(escape(text[position : finding.start]))
        label = escape(IDENTIFIER_LABELS[finding.kind])
        parts.append(f'<mark title="{label}">{escape(text[finding.start : finding.end])}</mark>')
        position = finding.end
    parts.append(escape(text[position:]))
    return mark_safe(linebreaks("".join(parts), autoescape=False))  # noqa: S308 - escaped
