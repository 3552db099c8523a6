"""STORAGES from the environment: local disk by default, S3 options when a bucket is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import storages

from clinic_site.settings.storage import media_settings

BASE = Path("/srv/clinic")
WHITENOISE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_local_disk_is_the_default_and_private_files_live_outside_media_root():
    assert settings.STORAGES["default"]["BACKEND"] == (
        "django.core.files.storage.FileSystemStorage"
    )
    private_root = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    assert private_root == settings.PRIVATE_MEDIA_ROOT
    assert not private_root.resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert settings.MEDIA_ON_S3 is False
    assert settings.WAGTAILDOCS_DOCUMENT_MODEL == "private_media.ClinicDocument"


def test_private_files_have_no_url_on_local_disk():
    with pytest.raises(NotImplementedError):
        storages["private"].url("documents/consent.pdf")


def test_no_bucket_means_local_storage_and_whitenoise():
    configured = media_settings({}, BASE)
    assert configured["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert configured["STORAGES"]["private"]["OPTIONS"]["location"] == (
        BASE / "private_media_files"
    )
    assert configured["STORAGES"]["staticfiles"]["BACKEND"] == WHITENOISE
    assert configured["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"


def test_a_bucket_moves_public_media_to_s3_without_signatures():
    configured = media_settings(
        {
            "AWS_STORAGE_BUCKET_NAME": "clinic-media",
            "AWS_S3_REGION_NAME": "eu-west-2",
            "AWS_S3_CUSTOM_DOMAIN": "media.clinic.example",
            "AWS_ACCESS_KEY_ID": "key",
            "AWS_SECRET_ACCESS_KEY": "secret",
        },
        BASE,
    )
    public = configured["STORAGES"]["default"]
    assert public["BACKEND"] == "private_media.storage.PublicMediaStorage"
    options = public["OPTIONS"]
    assert options["bucket_name"] == "clinic-media"
    assert options["querystring_auth"] is False
    assert options["custom_domain"] == "media.clinic.example"
    assert options["region_name"] == "eu-west-2"
    assert options["signature_version"] == "s3v4"
    assert options["access_key"] == "key"
    assert options["file_overwrite"] is False
    assert options["default_acl"] is None
    assert configured["STORAGES"]["staticfiles"]["BACKEND"] == WHITENOISE
    assert configured["WAGTAILDOCS_SERVE_METHOD"] == "redirect"


def test_private_media_shares_the_bucket_under_a_prefix_unless_given_its_own():
    shared = media_settings({"AWS_STORAGE_BUCKET_NAME": "clinic-media"}, BASE)
    private = shared["STORAGES"]["private"]["OPTIONS"]
    assert (private["bucket_name"], private["location"]) == ("clinic-media", "private")
    assert private["default_acl"] == "private"
    assert private["querystring_auth"] is True
    assert private["custom_domain"] is None
    assert private["querystring_expire"] == 300

    own = media_settings(
        {
            "AWS_STORAGE_BUCKET_NAME": "clinic-media",
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": "clinic-consent",
            "AWS_PRIVATE_URL_EXPIRY": "60",
        },
        BASE,
    )
    private = own["STORAGES"]["private"]["OPTIONS"]
    assert (private["bucket_name"], private["location"]) == ("clinic-consent", "")
    assert private["querystring_expire"] == 60


def test_private_links_never_outlive_five_minutes():
    configured = media_settings(
        {"AWS_STORAGE_BUCKET_NAME": "clinic-media", "AWS_PRIVATE_URL_EXPIRY": "86400"}, BASE
    )
    assert configured["STORAGES"]["private"]["OPTIONS"]["querystring_expire"] == 300
