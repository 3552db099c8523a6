"""Editor forms: topics chosen from the page's language; the video page refuses a transcript
that is only empty paragraphs."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from blog.blocks import EMPTY_TRANSCRIPT
from blog.topics import Topic


class TopicsPageForm(WagtailAdminPageForm):
    """Authors choose topics among those of the page's language; a topic is never typed in
    (so never created) here: Communications manage the vocabulary."""

    tags = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics"),
        help_text=_("Communications add and translate topics; ask them for a missing one."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        self.fields["tags"].queryset = Topic.objects.filter(locale_id=locale_id).order_by("name")


class VideoPageForm(TopicsPageForm):
    def clean_transcript(self) -> str:
        transcript = self.cleaned_data.get("transcript") or ""
        # Saving a draft defers required fields (Wagtail's rule); publishing and submitting don't.
        deferred = getattr(self.fields["transcript"], "is_deferred_validation", False)
        if not deferred and not strip_tags(transcript).strip():
            raise ValidationError(EMPTY_TRANSCRIPT, code="required")
        return transcript
