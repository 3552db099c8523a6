"""“Reply as the hospital”: the admin form that posts an official reply under a comment."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comments.models import BODY_MAX_LENGTH, BODY_MIN_LENGTH, Comment
from comments.rendering import strip_control_characters
from comments.replies import can_be_answered, post_reply


class HospitalReplyForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("The hospital's reply"),
        min_length=BODY_MIN_LENGTH,
        max_length=BODY_MAX_LENGTH,
        help_text=gettext_lazy(
            "Plain text, shown publicly under the comment as the hospital's response. Never "
            "mention a patient's details: a reply with what looks like personal details is "
            "held until a colleague approves it."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def clean_body(self) -> str:
        body = strip_control_characters(self.cleaned_data["body"]).strip()
        if len(body) < BODY_MIN_LENGTH:
            raise forms.ValidationError(_("Write a little more: at least two characters."))
        return body


def reply_as_hospital(request: HttpRequest, pk: str, *, edit_url_name: str) -> HttpResponse:
    """Show the reader's comment and the reply form; save the reply through the pre-screen."""
    comment = get_object_or_404(Comment.objects.select_related("page"), pk=pk)
    if not can_be_answered(comment):
        messages.error(request, _("Only a reader's approved comment can get the hospital's reply."))
        return redirect(edit_url_name, comment.pk)
    form = HospitalReplyForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        reply = post_reply(comment, request.user, form.cleaned_data["body"])
        if reply.is_flagged:
            messages.warning(
                request,
                _(
                    "Your reply may contain personal details (%(found)s). It is held: a colleague "
                    "who may reply as the hospital has to approve it before it is shown."
                )
                % {"found": ", ".join(reply.flagged_labels())},
            )
        else:
            messages.success(request, _("Your reply is published under the comment."))
        return redirect(edit_url_name, comment.pk)
    replies = comment.hospital_replies.order_by("created_at", "pk")
    return TemplateResponse(
        request,
        "comments/admin/reply_form.html",
        {
            "comment": comment,
            "form": form,
            "replies": replies,
            "edit_url_name": edit_url_name,
        },
    )
