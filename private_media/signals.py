"""Keep document files in the right storage when a collection's privacy changes."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction


def relocate_collection_documents(sender, instance: CollectionViewRestriction, **kwargs) -> None:
    """Move every document under the collection to the storage its privacy now calls for."""
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None:  # the collection itself is being deleted
        return
    documents = get_document_model().objects.filter(
        collection__in=collection.get_descendants(inclusive=True)
    )
    for document in documents:
        if document.file and document.is_stored_privately != document.is_private:
            document.move_file_to_matching_storage()


def connect() -> None:
    post_save.connect(relocate_collection_documents, sender=CollectionViewRestriction)
    post_delete.connect(relocate_collection_documents, sender=CollectionViewRestriction)
