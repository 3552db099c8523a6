"""Media storage from environment variables: local disk by default, S3 when a bucket is named.

Imported at the end of ``base.py``. ``media_settings`` is a function of the environment so the
test suite can build the S3 configuration against its own local S3 server.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Presigned links to private files never outlive five minutes.
PRIVATE_URL_MAX_EXPIRY = 300
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"
MEDIA_CACHE_CONTROL = "public, max-age=86400"

WAGTAILDOCS_DOCUMENT_MODEL = "private_media.ClinicDocument"
# Every image and document form applies the media rules (private collections, live pages).
WAGTAILIMAGES_IMAGE_FORM_BASE = "private_media.forms.ClinicImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "private_media.forms.ClinicDocumentForm"


def _s3_connection(env: Mapping[str, str]) -> dict[str, Any]:
    """Options shared by the public and the private S3 storages."""
    options: dict[str, Any] = {
        "region_name": env.get("AWS_S3_REGION_NAME") or None,
        "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
        "signature_version": env.get("AWS_S3_SIGNATURE_VERSION") or "s3v4",
        "addressing_style": env.get("AWS_S3_ADDRESSING_STYLE") or None,
        "file_overwrite": False,
    }
    if env.get("AWS_ACCESS_KEY_ID"):
        options["access_key"] = env["AWS_ACCESS_KEY_ID"]
        options["secret_key"] = env.get("AWS_SECRET_ACCESS_KEY", "")
    return options


def media_settings(env: Mapping[str, str], base_dir: Path) -> dict[str, Any]:
    """``STORAGES`` and the settings that go with it, for the given environment."""
    private_root = Path(env.get("PRIVATE_MEDIA_ROOT") or base_dir / "private_media_files")
    storages: dict[str, Any] = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "private_media.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": private_root},
        },
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {
            "STORAGES": storages,
            "PRIVATE_MEDIA_ROOT": private_root,
            "MEDIA_ON_S3": False,
            "WAGTAILDOCS_SERVE_METHOD": "serve_view",
        }

    connection = _s3_connection(env)
    storages["default"] = {
        "BACKEND": "private_media.storage.PublicMediaStorage",
        "OPTIONS": {
            **connection,
            "bucket_name": bucket,
            "location": env.get("AWS_LOCATION", ""),
            "custom_domain": env.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "default_acl": env.get("AWS_DEFAULT_ACL") or None,
            "object_parameters": {
                "CacheControl": env.get("AWS_S3_CACHE_CONTROL") or MEDIA_CACHE_CONTROL
            },
            "rendition_cache_control": env.get("AWS_S3_RENDITION_CACHE_CONTROL")
            or RENDITION_CACHE_CONTROL,
        },
    }
    private_bucket = env.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "")
    expiry = int(env.get("AWS_PRIVATE_URL_EXPIRY") or PRIVATE_URL_MAX_EXPIRY)
    storages["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **connection,
            "bucket_name": private_bucket or bucket,
            # Sharing the public bucket: private keys live under their own prefix.
            "location": env.get("AWS_PRIVATE_LOCATION", "" if private_bucket else "private"),
            "custom_domain": None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": max(1, min(expiry, PRIVATE_URL_MAX_EXPIRY)),
            "object_parameters": {"CacheControl": "private, no-store"},
        },
    }
    return {
        "STORAGES": storages,
        "PRIVATE_MEDIA_ROOT": private_root,
        "MEDIA_ON_S3": True,
        # Public documents: Wagtail's serve view redirects to the file on S3 (or the CDN).
        "WAGTAILDOCS_SERVE_METHOD": "redirect",
    }


globals().update(media_settings(os.environ, Path(__file__).resolve().parents[2]))
