"""``manage.py media_to_s3``: local media to the S3 storages, idempotent, with a dry run."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.media_support import PDF_BYTES, consent_collection, png_bytes

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("media_to_s3", *args, stdout=out)
    return out.getvalue().strip()


def keys(client, bucket: str) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])}


def write(root: Path, name: str, content: bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


@pytest.fixture
def local_files(s3_media) -> dict[str, Path]:
    """Media written while the site still stored everything on local disk."""
    public_root = Path(settings.MEDIA_ROOT)
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    write(public_root, "original_images/ward.png", png_bytes())
    write(public_root, "documents/visiting-hours.pdf", PDF_BYTES)
    write(private_root, "documents/consent-ward-7.pdf", PDF_BYTES)
    return {"public": public_root, "private": private_root}


def test_refuses_with_one_line_when_s3_is_not_configured(local_media):
    with pytest.raises(CommandError) as error:
        run()
    message = str(error.value)
    assert "AWS_STORAGE_BUCKET_NAME" in message
    assert "\n" not in message


def test_dry_run_counts_and_writes_nothing(s3_media, local_files):
    summary = run("--dry-run")
    assert summary.startswith("Dry run: would copy 3 files to S3 (2 public, 1 private")
    assert "\n" not in summary
    assert keys(s3_media.client, s3_media.bucket) == set()
    assert keys(s3_media.client, s3_media.private_bucket) == set()


def test_copies_public_and_private_media_to_their_own_buckets_once(s3_media, local_files):
    assert run().startswith("Copied 3 files to S3 (2 public, 1 private")
    assert keys(s3_media.client, s3_media.bucket) == {
        "original_images/ward.png",
        "documents/visiting-hours.pdf",
    }
    assert keys(s3_media.client, s3_media.private_bucket) == {"documents/consent-ward-7.pdf"}
    acl = s3_media.client.get_object_acl(
        Bucket=s3_media.private_bucket, Key="documents/consent-ward-7.pdf"
    )
    assert all("URI" not in grant["Grantee"] for grant in acl["Grants"])

    second = run()
    assert second.startswith("Copied 0 files to S3 (0 public, 0 private")
    assert second.endswith("3 already there with the same size.")

    write(local_files["public"], "documents/visiting-hours.pdf", PDF_BYTES + b"% revised\n")
    assert run().startswith("Copied 1 file to S3 (1 public, 0 private")
    stored = s3_media.client.get_object(Bucket=s3_media.bucket, Key="documents/visiting-hours.pdf")
    assert stored["Body"].read().endswith(b"% revised\n")


def test_documents_recorded_before_the_move_open_from_s3(s3_media, local_files):
    Document = get_document_model()
    consent = Document.objects.create(
        title="Consent",
        file="private/documents/consent-ward-7.pdf",
        collection=consent_collection(),
    )
    leaflet = Document.objects.create(
        title="Leaflet",
        file="documents/visiting-hours.pdf",
        collection=Collection.get_first_root_node(),
    )
    run()
    for document in (consent, leaflet):
        with document.file.open("rb") as handle:
            assert handle.read() == PDF_BYTES
