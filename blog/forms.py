"""Editor forms: the video page refuses a transcript that is only empty paragraphs."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminPageForm

from blog.blocks import EMPTY_TRANSCRIPT


class VideoPageForm(WagtailAdminPageForm):
    def clean_transcript(self) -> str:
        transcript = self.cleaned_data.get("transcript") or ""
        # Saving a draft defers required fields (Wagtail's rule); publishing and submitting don't.
        deferred = getattr(self.fields["transcript"], "is_deferred_validation", False)
        if not deferred and not strip_tags(transcript).strip():
            raise ValidationError(EMPTY_TRANSCRIPT, code="required")
        return transcript
