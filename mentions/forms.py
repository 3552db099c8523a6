from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from mentions.models import ReceivedMention
from mentions.moderation import can_approve

Status = ReceivedMention.Status
CANNOT_APPROVE = _(
    "This mention cannot be approved: the verification job did not find a link to the story "
    "on the other site's page."
)


class ModerationForm(WagtailAdminModelForm):
    """The moderator's decision: show the mention under the story, or decline it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].label = _("Decision")
        self.fields["status"].choices = [
            (Status.APPROVED, _("Approve: show it under the story")),
            (Status.REJECTED, _("Decline: never show it")),
        ]

    def clean_status(self) -> str:
        status = self.cleaned_data["status"]
        approving = status == Status.APPROVED and self.instance.status != Status.APPROVED
        if approving and not can_approve(self.instance):
            raise forms.ValidationError(CANNOT_APPROVE)
        return status
