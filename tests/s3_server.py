"""A real S3-compatible server for the media tests: moto's server, run as a process.

The server starts once per test session on a free loopback port; each test gets its own
buckets and the site's S3 settings built by ``media_settings`` from an AWS_* environment,
exactly as in production. Nothing here reaches the internet.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest

from clinic_site.settings.storage import media_settings
from tests.server_support import free_port, wait_for_port

REGION = "us-east-1"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "media-tests", "AWS_SECRET_ACCESS_KEY": "media-tests-secret"}


@pytest.fixture(scope="session", name="s3_endpoint")
def s3_endpoint_fixture() -> Iterator[str]:
    """Start ``moto_server -H 127.0.0.1 -p <free port>`` and hand back its endpoint URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass
class S3Media:
    """The buckets of one test and a boto3 client to look inside them."""

    endpoint: str
    bucket: str
    private_bucket: str
    client: Any

    def public_url(self, bucket: str, key: str) -> str:
        """The address of an object with no signature: what an anonymous reader would try."""
        return f"{self.endpoint}/{bucket}/{key}"


def s3_environment(endpoint: str, **extra: str) -> dict[str, str]:
    return {
        **CREDENTIALS,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        **extra,
    }


@pytest.fixture(name="s3_media")
def s3_media_fixture(s3_endpoint: str, settings, tmp_path: Path) -> S3Media:
    """Point the site's storages at fresh buckets on the local S3 server for one test."""
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    suffix = uuid.uuid4().hex[:12]
    media = S3Media(s3_endpoint, f"media-{suffix}", f"private-{suffix}", client)
    client.create_bucket(Bucket=media.bucket)
    client.create_bucket(Bucket=media.private_bucket)
    env = s3_environment(
        s3_endpoint,
        AWS_STORAGE_BUCKET_NAME=media.bucket,
        AWS_PRIVATE_STORAGE_BUCKET_NAME=media.private_bucket,
        # moto honours object ACLs, as S3 buckets with ACLs enabled do.
        AWS_DEFAULT_ACL="public-read",
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
    )
    configured = media_settings(env, tmp_path)
    # Static files stay as the test settings have them (WhiteNoise's manifest is not built).
    configured["STORAGES"]["staticfiles"] = settings.STORAGES["staticfiles"]
    for name, value in configured.items():
        setattr(settings, name, value)
    settings.MEDIA_ROOT = tmp_path / "media"
    return media
