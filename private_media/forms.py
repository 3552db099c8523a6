"""The admin forms for images and documents, with the rules of ``private_media.rules``.

Wagtail builds every image and document form from these bases (``WAGTAILIMAGES_IMAGE_FORM_BASE``
and ``WAGTAILDOCS_DOCUMENT_FORM_BASE``): the add and edit views, the multiple uploader and
the chooser's upload tab, so a refusal holds on every path. A refused form changes nothing:
the view shows the error and saves neither the fields nor the file.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.models import Collection

from private_media import rules


class MediaRulesMixin:
    """Keep the user the form was built for, and apply the live-page rule on save."""

    def __init__(self, *args, **kwargs) -> None:
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    def target_collection(self) -> Collection | None:
        if "collection" in self.fields:
            return self.cleaned_data.get("collection")
        if self.instance.pk:
            return self.instance.collection
        return self.collections[0]

    def refuse(self, field: str | None, reason: str, attempt: str) -> None:
        """Show the reason on the form and log it against the item (or, for a new upload, the
        collection it was aimed at)."""
        self.add_error(field, ValidationError(reason, code="refused"))
        subject = self.instance if self.instance.pk else self.target_collection()
        if subject is not None:
            rules.log_refusal(self.user, subject, reason, attempt)

    def clean(self) -> dict:
        cleaned_data = super().clean()
        if self.instance.pk and self.has_changed():
            reason = rules.live_use_refusal(self.user, self.instance)
            if reason:
                self.refuse(None, reason, f"edit ({', '.join(self.changed_data)})")
        return cleaned_data


class ClinicImageForm(MediaRulesMixin, BaseImageForm):
    """Images: never in a private collection; unchanged while a live page uses them."""

    def clean(self) -> dict:
        cleaned_data = super().clean()
        reason = rules.image_collection_refusal(self.target_collection())
        if reason:
            # A new upload is refused as a whole (the multiple uploader reports file errors).
            if self.instance.pk:
                self.refuse("collection", reason, "image collection")
            else:
                self.refuse("file", reason, "image upload")
        return cleaned_data


class ClinicDocumentForm(MediaRulesMixin, BaseDocumentForm):
    """Documents: private ones keep their place and their file, unless an administrator acts."""

    def clean(self) -> dict:
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        reason = rules.document_move_refusal(self.user, self.instance, self.target_collection())
        if reason:
            self.refuse("collection", reason, "document collection")
        if "file" in self.changed_data:
            reason = rules.document_replace_refusal(self.user, self.instance)
            if reason:
                self.refuse("file", reason, "document file replacement")
        return cleaned_data
