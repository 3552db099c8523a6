"""The site's document model: the same as Wagtail's, stored privately when its collection is."""

from __future__ import annotations

import posixpath

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.models import Collection

from private_media.storage import PRIVATE_PREFIX, document_storage


def collection_is_private(collection: Collection) -> bool:
    """A collection is private when it, or any collection above it, has a privacy setting."""
    return collection.get_view_restrictions().exists()


def document_upload_to(instance: ClinicDocument, filename: str) -> str:
    """``private/documents/<name>`` for documents in private collections, else ``documents/``."""
    folder = f"{PRIVATE_PREFIX}documents" if instance.is_private else "documents"
    return posixpath.join(folder, filename)


class ClinicDocument(AbstractDocument):
    """A Wagtail document whose file lives in private storage when its collection is private.

    Consent forms belong in such a collection. A private document has no public address: its
    ``url`` is the permission-checked download view, and Wagtail's own serve view hands over
    to that view too (see ``wagtail_hooks``).
    """

    file = models.FileField(
        upload_to=document_upload_to, storage=document_storage, verbose_name=_("file")
    )

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        permissions = [
            ("download_private_document", _("Can download documents in private collections")),
        ]

    @property
    def is_private(self) -> bool:
        return bool(self.collection_id) and collection_is_private(self.collection)

    @property
    def is_stored_privately(self) -> bool:
        return (self.file.name or "").startswith(PRIVATE_PREFIX)

    @property
    def url(self) -> str:
        # The file's place says whether it is private, with no query: pages that link many
        # documents stay cheap. Serving checks the collection as well (see wagtail_hooks).
        if self.is_stored_privately:
            return reverse("private_document", args=[self.id, self.filename])
        return super().url

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        if self.file and self.is_stored_privately != self.is_private:
            self.move_file_to_matching_storage()

    def move_file_to_matching_storage(self) -> None:
        """Copy the file to the storage its collection calls for, then remove the old copy.

        Runs when a document changes collection or a collection's privacy changes, so a
        document never stays at a public address after it became private.
        """
        storage = self.file.storage
        old_name = self.file.name
        with storage.open(old_name, "rb") as content:
            new_name = storage.save(
                document_upload_to(self, self.filename),
                content,
                max_length=self._meta.get_field("file").max_length,
            )
        type(self).objects.filter(pk=self.pk).update(file=new_name)
        self.file.name = new_name
        storage.delete(old_name)
