"""Media on a real S3-compatible server (moto, started by the suite on 127.0.0.1).

Uploads go through the Wagtail admin as an editor's would; the bucket is then inspected with
boto3 and fetched over HTTP with urllib, as a reader's browser or a CDN would.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from wagtail.models import Collection

from clinic_site.settings.storage import MEDIA_CACHE_CONTROL, RENDITION_CACHE_CONTROL
from tests.media_support import PDF_BYTES, consent_collection, upload_document, upload_image

pytestmark = pytest.mark.django_db

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def fetch(url: str) -> tuple[int, bytes]:
    """GET ``url`` with no credentials at all, like a reader's browser."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def public_grants(client, bucket: str, key: str) -> set[str]:
    grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    return {g["Permission"] for g in grants if g["Grantee"].get("URI") == ALL_USERS}


def wagtail_serve_url(document) -> str:
    return reverse("wagtaildocs_serve", args=[document.id, document.filename])


def test_image_and_rendition_are_public_on_s3(s3_media, admin_user, client_for):
    image = upload_image(client_for(admin_user), "Ward garden")
    original = s3_media.client.head_object(Bucket=s3_media.bucket, Key=image.file.name)
    assert original["CacheControl"] == MEDIA_CACHE_CONTROL
    assert public_grants(s3_media.client, s3_media.bucket, image.file.name) == {"READ"}

    rendition = image.get_rendition("fill-20x20")
    assert rendition.file.name.startswith("images/")
    stored = s3_media.client.head_object(Bucket=s3_media.bucket, Key=rendition.file.name)
    assert stored["CacheControl"] == RENDITION_CACHE_CONTROL
    assert stored["ContentType"] == "image/png"
    assert public_grants(s3_media.client, s3_media.bucket, rendition.file.name) == {"READ"}

    # Public media URLs carry no signature, so CDNs and browsers can cache them.
    assert rendition.url == s3_media.public_url(s3_media.bucket, rendition.file.name)
    status, content = fetch(rendition.url)
    assert status == 200
    assert content.startswith(b"\x89PNG")
    assert (
        content
        == s3_media.client.get_object(Bucket=s3_media.bucket, Key=rendition.file.name)[
            "Body"
        ].read()
    )


def test_public_document_redirects_readers_to_the_bucket(s3_media, admin_user, client_for, client):
    leaflet = upload_document(
        client_for(admin_user), "Visiting hours", Collection.get_first_root_node()
    )
    client.logout()
    response = client.get(leaflet.url)
    assert response.status_code == 302
    assert response["Location"] == s3_media.public_url(s3_media.bucket, leaflet.file.name)
    assert fetch(response["Location"]) == (200, PDF_BYTES)


@pytest.fixture
def consent_form(s3_media, admin_user, client_for, client):
    document = upload_document(client_for(admin_user), "Consent Ward 7", consent_collection())
    client.logout()
    return document


def test_consent_form_is_private_in_the_store(s3_media, consent_form):
    assert consent_form.file.name.startswith("private/documents/")
    key = consent_form.file.name.removeprefix("private/")
    stored = s3_media.client.get_object(Bucket=s3_media.private_bucket, Key=key)
    assert stored["Body"].read() == PDF_BYTES
    assert public_grants(s3_media.client, s3_media.private_bucket, key) == set()
    public_keys = s3_media.client.list_objects_v2(Bucket=s3_media.bucket).get("Contents", [])
    assert public_keys == []
    # An unsigned request, as anyone guessing the address would make, is refused.
    assert fetch(s3_media.public_url(s3_media.private_bucket, key))[0] == 403


@pytest.mark.parametrize("route", [lambda doc: doc.url, wagtail_serve_url])
def test_site_does_not_hand_the_consent_form_to_readers_or_authors(
    consent_form, client, author, client_for, route
):
    response = client.get(route(consent_form))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert client_for(author).get(route(consent_form)).status_code == 403


@pytest.mark.parametrize("role", ["reviewer", "comms"])
def test_permitted_staff_get_a_short_lived_link(consent_form, request, client_for, role):
    staff = client_for(request.getfixturevalue(role))
    assert staff.get(wagtail_serve_url(consent_form))["Location"] == consent_form.url
    response = staff.get(consent_form.url)
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    link = response["Location"]
    query = parse_qs(urlsplit(link).query)
    assert int(query["X-Amz-Expires"][0]) <= 300
    assert query["X-Amz-Signature"]
    assert fetch(link) == (200, PDF_BYTES)
