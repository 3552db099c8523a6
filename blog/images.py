"""Every image rendition the public site shows, in one place.

Templates name a size (``{% responsive_image story.hero_image "card" %}``, from
``blog/templatetags/rendition_tags.py``) and views prefetch the same specs
(``renditions_wanted``), so the filter specs are never repeated in a template and a page's
renditions come in one query. Every crop is a ``fill``: Wagtail centres it on the image's focal
point (set by the editor in the image's admin page) or, without one, on the image's centre.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ImageSize:
    """One way an image is shown: its renditions, smallest first; the first is the ``src``.

    Without ``sizes`` the renditions are the same picture at 1x and 2x (``srcset`` with
    density descriptors); with it, widths for a picture whose width follows the window.
    """

    name: str
    specs: tuple[str, ...]
    sizes: str = ""

    @property
    def spec(self) -> str:
        return self.specs[0]


# Story and video cards: 3:2, about 370 CSS px wide at most (a phone's width, or a third of
# the 72rem column).
CARD = ImageSize("card", ("fill-480x320", "fill-960x640"))
# The story's header photograph: the width of the page up to 72rem; 1200x630 is also the
# Open Graph / Twitter card image.
HERO = ImageSize(
    "hero",
    ("fill-1200x630", "fill-640x336", "fill-2400x1260"),
    sizes="(min-width: 74rem) 72rem, 100vw",
)
# A video's poster in the 16:9 player frame (60rem at most).
VIDEO = ImageSize("video", ("fill-960x540", "fill-1920x1080"))
# An image in a story's body: the reading column, never cropped.
BODY = ImageSize("body", ("width-800", "width-1600"))

SIZES = {size.name: size for size in (CARD, HERO, VIDEO, BODY)}

# The single specs other code uses (feeds, Open Graph, the video facade).
CARD_RENDITION = CARD.spec
HERO_RENDITION = HERO.spec
VIDEO_RENDITION = VIDEO.spec


def renditions_wanted(size: ImageSize, images: Iterable[object | None]) -> list[tuple]:
    """(image, spec) pairs for ``blog.serving.load_renditions``: every spec of a size."""
    return [(image, spec) for image in images if image is not None for spec in size.specs]
