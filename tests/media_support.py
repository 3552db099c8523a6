"""Helpers for the media tests: upload through the Wagtail admin, small real files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from clinic_site.settings.storage import media_settings

CONSENT_COLLECTION = "Consent forms"
PDF_BYTES = b"%PDF-1.4\n% signed consent form of a test patient\n%%EOF\n"


def png_bytes(size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (20, 110, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def consent_collection() -> Collection:
    return Collection.objects.get(name=CONSENT_COLLECTION)


def upload_document(
    client: Client, title: str, collection: Collection, content: bytes = PDF_BYTES
) -> object:
    """Upload a document with the admin's add form, as an editor would; return it."""
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(f"{title.lower().replace(' ', '-')}.pdf", content),
            "collection": collection.pk,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    return get_document_model().objects.get(title=title)


def upload_image(client: Client, title: str) -> object:
    """Upload an image with the admin's add form; return it."""
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("ward-garden.png", png_bytes(), "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    return get_image_model().objects.get(title=title)


def local_media_settings(root: Path, storages: dict) -> dict[str, object]:
    """Local storage (the default) in ``root/media`` and ``root/private``.

    ``storages`` is the current ``STORAGES``: its other entries (static files) are kept.
    """
    configured = media_settings({"PRIVATE_MEDIA_ROOT": str(root / "private")}, root)
    configured["STORAGES"] = {**storages, **configured["STORAGES"]}
    configured["STORAGES"]["staticfiles"] = storages["staticfiles"]
    configured["MEDIA_ROOT"] = root / "media"
    return configured


@pytest.fixture(name="local_media")
def local_media_fixture(settings, tmp_path: Path) -> Path:
    """Local storage in folders of this test alone, for tests that look at what is on disk."""
    for name, value in local_media_settings(tmp_path, settings.STORAGES).items():
        setattr(settings, name, value)
    return tmp_path
