"""``{% responsive_image image "card" alt=… %}``: an <img> with srcset from ``blog.images``.

The sizes (and their filter specs) live in ``blog/images.py``; templates only name one. The
renditions come from the image's prefetched ones when the view loaded them
(``blog.images.renditions_wanted``), so a listing of cards makes no query per card. An image
whose file is missing renders nothing rather than a server error.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from wagtail.images.models import SourceImageIOError

from blog.images import SIZES

register = template.Library()


@register.simple_tag
def responsive_image(image, size_name: str, **attributes) -> SafeString | str:
    """``alt`` is required (pass ``alt=""`` for a decorative image); other keyword arguments
    (``class``, ``loading``, ``fetchpriority``…) become attributes."""
    if image is None:
        return ""
    size = SIZES[size_name]
    try:
        renditions = list(image.get_renditions(*size.specs).values())
    except (SourceImageIOError, OSError):
        return ""
    src = renditions[0]
    if size.sizes:
        candidates = sorted({rendition.width: rendition for rendition in renditions}.items())
        srcset = ", ".join(f"{rendition.url} {width}w" for width, rendition in candidates)
        attributes.setdefault("sizes", size.sizes)
    else:
        # Density descriptors: a 2x only when the original was large enough to give one.
        srcset = f"{src.url} 1x"
        for density, rendition in enumerate(renditions[1:], start=2):
            if rendition.width >= src.width * density:
                srcset += f", {rendition.url} {density}x"
    alt = attributes.pop("alt")
    extra = format_html_join(
        "", ' {}="{}"', ((name, value) for name, value in attributes.items() if value is not None)
    )
    return format_html(
        '<img src="{}" srcset="{}" width="{}" height="{}" alt="{}"{}>',
        src.url,
        srcset,
        src.width,
        src.height,
        alt,
        extra,
    )
