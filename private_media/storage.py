"""Storage classes: the document router, the private local store and the public S3 store.

Documents are stored under one of two prefixes chosen when the file is saved (see
``ClinicDocument``): ``documents/...`` lives in the ``default`` storage, ``private/documents/...``
in the ``private`` storage. The router looks the storages up on every call rather than once,
so a change of ``STORAGES`` (tests, ``override_settings``) is always honoured.
"""

from __future__ import annotations

import posixpath
from datetime import datetime
from typing import IO, Any

from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible
from storages.backends.s3 import S3Storage

PRIVATE_PREFIX = "private/"
PRIVATE_STORAGE_ALIAS = "private"
RENDITIONS_DIR = "images/"


@deconstructible(path="private_media.storage.DocumentStorage")
class DocumentStorage(Storage):
    """Send names under ``private/`` to the private storage and every other name to the default.

    The stored name keeps the ``private/`` marker, so reading a document back (open, url, delete)
    reaches the same store it was written to; the marker itself is not part of the key.
    """

    def route(self, name: str) -> tuple[Storage, str, str]:
        """The backend for ``name``, the name inside that backend, and the marker to put back."""
        if name.startswith(PRIVATE_PREFIX):
            return storages[PRIVATE_STORAGE_ALIAS], name[len(PRIVATE_PREFIX) :], PRIVATE_PREFIX
        return storages["default"], name, ""

    def is_private_name(self, name: str) -> bool:
        return name.startswith(PRIVATE_PREFIX)

    def _open(self, name: str, mode: str = "rb") -> Any:
        backend, inner, _marker = self.route(name)
        return backend.open(inner, mode)

    def save(self, name: str | None, content: IO[Any], max_length: int | None = None) -> str:
        if name is None:
            name = content.name
        backend, inner, marker = self.route(name)
        if max_length is not None:
            max_length -= len(marker)
        return marker + backend.save(inner, content, max_length=max_length)

    def generate_filename(self, filename: str) -> str:
        backend, inner, marker = self.route(filename)
        return marker + backend.generate_filename(inner)

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        backend, inner, marker = self.route(name)
        if max_length is not None:
            max_length -= len(marker)
        return marker + backend.get_available_name(inner, max_length=max_length)

    def delete(self, name: str) -> None:
        backend, inner, _marker = self.route(name)
        backend.delete(inner)

    def exists(self, name: str) -> bool:
        backend, inner, _marker = self.route(name)
        return backend.exists(inner)

    def size(self, name: str) -> int:
        backend, inner, _marker = self.route(name)
        return backend.size(inner)

    def url(self, name: str) -> str:
        backend, inner, _marker = self.route(name)
        return backend.url(inner)

    def path(self, name: str) -> str:
        backend, inner, _marker = self.route(name)
        return backend.path(inner)

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        backend, inner, _marker = self.route(path)
        return backend.listdir(inner)

    def get_modified_time(self, name: str) -> datetime:
        backend, inner, _marker = self.route(name)
        return backend.get_modified_time(inner)

    def get_created_time(self, name: str) -> datetime:
        backend, inner, _marker = self.route(name)
        return backend.get_created_time(inner)

    def get_accessed_time(self, name: str) -> datetime:
        backend, inner, _marker = self.route(name)
        return backend.get_accessed_time(inner)


def document_storage() -> DocumentStorage:
    """The storage of ``ClinicDocument.file``; a callable so migrations never freeze a backend."""
    return DocumentStorage()


class PrivateFileSystemStorage(FileSystemStorage):
    """Private files on local disk, outside ``MEDIA_ROOT``: they have no URL at all.

    Raising ``NotImplementedError`` is the storage API's way to say so; Wagtail then never
    builds a direct link, and the permission-checked view streams the file instead.
    """

    def url(self, name: str | None) -> str:
        raise NotImplementedError("Private files have no public URL.")


class PublicMediaStorage(S3Storage):
    """Public media on S3 with a long ``Cache-Control`` on image renditions.

    A rendition's file name encodes its filter and focal point, so its bytes never change and
    it can be cached for a year; original images and documents get the shorter default.
    """

    def __init__(self, rendition_cache_control: str = "", **settings: Any) -> None:
        self.rendition_cache_control = rendition_cache_control
        super().__init__(**settings)

    def get_object_parameters(self, name: str) -> dict[str, Any]:
        params = super().get_object_parameters(name)
        key = posixpath.relpath(name, self.location) if self.location else name
        if self.rendition_cache_control and key.startswith(RENDITIONS_DIR):
            params["CacheControl"] = self.rendition_cache_control
        return params
