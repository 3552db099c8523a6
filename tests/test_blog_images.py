"""Images at the right size: renditions named in one place (blog/images.py), srcset for sharp
photographs on 2x screens, width and height so the page does not jump, the focal point kept."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from django.template import Context, Template
from PIL import Image as PILImage
from wagtail.images import get_image_model

from blog.images import CARD, HERO, SIZES, renditions_wanted
from tests.blog_factories import make_image

pytestmark = pytest.mark.django_db

REPOSITORY = Path(__file__).resolve().parents[1]


def render(image, size: str, **attributes) -> str:
    extra = " ".join(f'{name}="{value}"' for name, value in attributes.items())
    template = Template(
        "{% load rendition_tags %}{% responsive_image image size alt='A nurse at the desk' "
        + extra
        + " %}"
    )
    return template.render(Context({"image": image, "size": size}))


def test_a_card_has_its_1x_and_2x_photographs_with_their_size():
    html = render(make_image("Big", size=(1600, 1200)), "card", loading="lazy")
    assert re.search(r'src="[^"]+\.fill-480x320[^"]*"', html), html
    srcset = re.search(r'srcset="([^"]+)"', html).group(1)
    assert re.fullmatch(r"\S+fill-480x320\S* 1x, \S+fill-960x640\S* 2x", srcset), srcset
    assert 'width="480" height="320"' in html
    assert 'alt="A nurse at the desk"' in html and 'loading="lazy"' in html


def test_a_small_original_offers_no_blurry_2x():
    html = render(make_image("Small", size=(600, 400)), "card")
    srcset = re.search(r'srcset="([^"]+)"', html).group(1)
    assert srcset.endswith(" 1x") and "2x" not in srcset, srcset


def test_the_story_photograph_offers_widths_for_the_window():
    html = render(make_image("Wide", size=(2400, 1600)), "hero")
    srcset = re.search(r'srcset="([^"]+)"', html).group(1)
    assert [int(width) for width in re.findall(r" (\d+)w", srcset)] == [640, 1200, 2400]
    assert f'sizes="{HERO.sizes}"' in html
    assert 'width="1200" height="630"' in html


def striped_image(title: str):
    """A 3000x1000 photograph: red, green and blue thirds."""
    picture = PILImage.new("RGB", (3000, 1000))
    for number, colour in enumerate(("red", "green", "blue")):
        picture.paste(colour, (number * 1000, 0, (number + 1) * 1000, 1000))
    data = io.BytesIO()
    picture.save(data, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(data, name=f"{title.lower()}.png")
    )


def centre_colour(rendition) -> tuple[int, int, int]:
    with rendition.file.open("rb") as handle, PILImage.open(handle) as picture:
        picture = picture.convert("RGB")
        return picture.getpixel((picture.width // 2, picture.height // 2))


def test_the_crop_follows_the_focal_point():
    """A card (3:2) of a wide photograph shows the part the editor marked as its subject."""
    unmarked = striped_image("Unmarked")
    assert centre_colour(unmarked.get_rendition(CARD.spec)) == (0, 128, 0)  # the middle
    marked = striped_image("Marked")
    marked.focal_point_x, marked.focal_point_y = 2800, 500
    marked.focal_point_width = marked.focal_point_height = 200
    marked.save()
    assert centre_colour(marked.get_rendition(CARD.spec)) == (0, 0, 255)  # the right third


def test_markup_is_escaped_and_a_missing_image_shows_nothing():
    image = make_image("Escaped", size=(1000, 700))
    html = Template('{% load rendition_tags %}{% responsive_image image "card" alt=alt %}').render(
        Context({"image": image, "alt": '"><script>alert(1)</script>'})
    )
    assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html
    assert render(None, "card") == ""
    image.file.storage.delete(image.file.name)
    assert render(get_image_model().objects.get(pk=image.pk), "body") == ""


def test_renditions_are_prefetched_by_the_same_specs():
    first, second = make_image("One"), make_image("Two")
    pairs = renditions_wanted(CARD, [first, None, second])
    assert pairs == [(first, spec) for spec in CARD.specs] + [(second, spec) for spec in CARD.specs]


def test_no_template_repeats_a_filter_spec():
    """Templates name a size from blog/images.py; the specs are written only there."""
    spec = re.compile(r"\b(fill|width|height|max|min)-\d+")
    offenders = [
        str(path.relative_to(REPOSITORY))
        for folder in ("blog", "home", "templates", "policy", "search")
        for path in (REPOSITORY / folder).rglob("*.html")
        if spec.search(path.read_text())
    ]
    assert not offenders, offenders
    assert set(SIZES) >= {"card", "hero", "video", "body"}
