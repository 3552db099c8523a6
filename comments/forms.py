"""The public comment form and the moderator's decision form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from comments.models import BODY_MAX_LENGTH, BODY_MIN_LENGTH, NAME_MAX_LENGTH, Comment
from comments.rendering import strip_control_characters

HONEYPOT_FIELD = "leave_blank"
FILL_TIMER_FIELD = "started"


class CommentForm(forms.ModelForm):
    """What a reader fills in. The honeypot and fill timer are rendered by the template.

    Both are rendered fresh each time the form is shown (an empty trap, a new timestamp), so a
    person whose first attempt tripped them can simply send again without retyping anything.
    """

    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("Shown with your comment. A first name is fine."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        max_length=254,
        help_text=_("Never shown. Used only to tell you when your comment is published."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    notify_on_approval = forms.BooleanField(
        label=_("Email me when my comment is published"), required=False
    )
    body = forms.CharField(
        label=_("Your comment"),
        min_length=BODY_MIN_LENGTH,
        max_length=BODY_MAX_LENGTH,
        help_text=_("Plain text, up to 3,000 characters. Links are allowed."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    leave_blank = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["name", "email", "notify_on_approval", "body"]

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", "comment_%s")  # unique ids on a page with other forms
        super().__init__(*args, **kwargs)

    def clean_name(self) -> str:
        return strip_control_characters(self.cleaned_data["name"]).strip()

    def clean_body(self) -> str:
        body = strip_control_characters(self.cleaned_data["body"]).strip()
        if len(body) < BODY_MIN_LENGTH:
            raise forms.ValidationError(_("Write a little more: at least two characters."))
        return body

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("notify_on_approval") and not cleaned.get("email"):
            self.add_error(
                "email",
                _("Give an email address so we can tell you, or untick the box below."),
            )
        return cleaned

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    @property
    def fill_timer(self) -> str:
        return self.data.get(FILL_TIMER_FIELD, "")

    def save(self, commit: bool = True) -> Comment:
        comment = super().save(commit=False)
        if not comment.notify_on_approval:
            # Data minimisation: an address we will never write to is not kept.
            comment.email = ""
        if commit:
            comment.save()
        return comment


class ModerationForm(WagtailAdminModelForm):
    """The moderator's decision: a status, and a reason when the comment is rejected."""

    def clean(self) -> dict:
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == Comment.Status.REJECTED and not cleaned.get("rejection_reason"):
            self.add_error("rejection_reason", _("Choose why the comment is rejected."))
        return cleaned


class RejectionForm(forms.Form):
    """Asked once for a whole bulk rejection."""

    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[c for c in Comment.RejectionReason.choices if c[0] != "spam"],
        widget=forms.RadioSelect,
    )
