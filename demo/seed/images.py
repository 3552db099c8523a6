"""Demo pictures drawn locally with Pillow: soft gradients with simple shapes, no photos.

Nothing is downloaded and no real person appears. The alt text of each story says honestly
what the picture is: an abstract illustration, with its colours and shapes.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFilter
from wagtail.images import get_image_model

SIZE = (1600, 900)

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Artwork:
    """One generated picture: its library title (the stable key) and how it is drawn."""

    title: str
    top_left: Colour
    bottom_right: Colour
    shape: str  # "circles", "waves", "blocks" or "cross"
    seed: int


def _gradient(start: Colour, end: Colour) -> Image.Image:
    """A diagonal gradient: a 2x2 image stretched smoothly to full size."""
    middle = tuple((a + b) // 2 for a, b in zip(start, end, strict=True))
    corners = Image.new("RGB", (2, 2))
    corners.putdata([start, middle, middle, end])
    return corners.resize(SIZE, Image.Resampling.BICUBIC)


def _shapes(artwork: Artwork) -> Image.Image:
    layer = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    rng = random.Random(artwork.seed)  # noqa: S311 - decoration, not security
    width, height = SIZE
    if artwork.shape == "circles":
        for _ in range(9):
            radius = rng.randint(60, 260)
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 46))
    elif artwork.shape == "waves":
        for band in range(6):
            top = height * (band + 2) // 9
            points = [(0, height)]
            for x in range(0, width + 100, 100):
                points.append((x, top + rng.randint(-45, 45)))
            points.append((width, height))
            draw.polygon(points, fill=(255, 255, 255, 26))
    elif artwork.shape == "blocks":
        for _ in range(12):
            x, y = rng.randint(-100, width), rng.randint(-100, height)
            w, h = rng.randint(120, 420), rng.randint(80, 300)
            draw.rounded_rectangle((x, y, x + w, y + h), radius=36, fill=(255, 255, 255, 38))
    else:  # a soft medical cross among small dots
        for _ in range(40):
            r = rng.randint(6, 18)
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, 60))
        cx, cy, arm, thick = width * 2 // 3, height // 2, 210, 80
        draw.rounded_rectangle(
            (cx - thick, cy - arm, cx + thick, cy + arm), 24, (255, 255, 255, 90)
        )
        draw.rounded_rectangle(
            (cx - arm, cy - thick, cx + arm, cy + thick), 24, (255, 255, 255, 90)
        )
    return layer.filter(ImageFilter.GaussianBlur(3))


def render(artwork: Artwork) -> bytes:
    """The picture as JPEG bytes; the same artwork always gives the same picture."""
    picture = _gradient(artwork.top_left, artwork.bottom_right).convert("RGBA")
    picture.alpha_composite(_shapes(artwork))
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def get_or_create_image(artwork: Artwork):
    """The library image titled like the artwork, drawn and stored only if it is missing."""
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=artwork.title).first()
    if existing is not None:
        return existing
    filename = artwork.title.lower().replace(" ", "-") + ".jpg"
    return Image_.objects.create(
        title=artwork.title, file=ImageFile(io.BytesIO(render(artwork)), name=filename)
    )
