"""Views of the storyteller's approval: the editor's "send the link" and the link itself.

The link page stands alone: no site header, navigation, admin or other pages; only the version
of the story sent, and the decision form. It is never indexed or cached (it lives outside the
language prefixes, which the page cache alone serves), and every request to it counts against
its client address's limit.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.models import Page

from workflow.access import may_see_consent_details
from workflow.models import StorytellerApproval
from workflow.storyteller import (
    LinkNotSent,
    approval_for_token,
    content_fingerprint,
    link_days,
    link_refusal,
    over_rate_limit,
    record_decision,
    send_link,
    sending_refusal,
)

REFUSALS = {
    "unknown": (
        gettext_lazy("This link does not work"),
        gettext_lazy(
            "We could not find this link. Please check that you copied the whole address "
            "from the email."
        ),
    ),
    "expired": (
        gettext_lazy("This link has expired"),
        gettext_lazy(
            "For your privacy, approval links work for a limited time. Please ask the person "
            "who sent it for a new one."
        ),
    ),
    "used": (
        gettext_lazy("This link has already been used"),
        gettext_lazy(
            "Your decision was recorded, thank you. If you want to change it, please ask the "
            "person who sent the link for a new one."
        ),
    ),
    "outdated": (
        gettext_lazy("This version has been replaced"),
        gettext_lazy(
            "The story was changed after this link was sent. The author will send you a link "
            "to the new version."
        ),
    ),
    "consent": (
        gettext_lazy("This link can no longer be used"),
        gettext_lazy(
            "This story no longer relies on this consent, so there is nothing to approve here. "
            "Please contact the hospital if you have questions."
        ),
    ),
    "busy": (
        gettext_lazy("Too many requests"),
        gettext_lazy("Please wait a few minutes and try again."),
    ),
}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=StorytellerApproval.Decision.choices)
    comment = forms.CharField(required=False, max_length=2000)

    def clean(self) -> dict:
        data = super().clean()
        if (
            data.get("decision") == StorytellerApproval.Decision.CHANGES
            and not (data.get("comment") or "").strip()
        ):
            raise forms.ValidationError(_("Please tell us what you would like to change."))
        return data


def private(response: HttpResponse) -> HttpResponse:
    """Nobody keeps or indexes a storyteller page, nor learns its address from a referrer."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def refused(request: HttpRequest, status: int, reason: str) -> HttpResponse:
    heading, message = REFUSALS[reason]
    response = TemplateResponse(
        request,
        "workflow/storyteller/refused.html",
        {"heading": heading, "message": message},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = "600"
    if status == 404:
        # Django's LocaleMiddleware turns a 404 outside the language prefixes into a redirect
        # to /en/…; answered against this module's own patterns, the 404 stays a 404.
        request.urlconf = "workflow.storyteller_urls"
    return private(response.render())


@csrf_exempt
@require_http_methods(["GET", "POST"])
def storyteller_link(request: HttpRequest, token: str) -> HttpResponse:
    """The storyteller reads the version sent and approves it or asks for changes, once.

    No CSRF check: the page sends no referrer, so a browser posts the decision with
    ``Origin: null``, which Django's check refuses (the storyteller could never decide). The
    token in the address is the only credential — no session or cookie is involved — so a
    forged post needs the token itself, and the page sets no CSRF cookie either.
    """
    if over_rate_limit(request):
        return refused(request, 429, "busy")
    approval = approval_for_token(token)
    if approval is None:
        return refused(request, 404, "unknown")
    # Everything the storyteller reads is in the story's language.
    with override(approval.page.locale.language_code):
        return answer(request, approval)


def answer(request: HttpRequest, approval: StorytellerApproval) -> HttpResponse:
    """The link's page: a refusal, the version to decide on, or the thanks for a decision."""
    refusal = link_refusal(approval)
    if refusal is not None:
        return refused(request, *refusal)
    latest = approval.page.specific.get_latest_revision_as_object()
    # The revision sent, or (if old revisions were purged) the latest, whose content matches.
    story = approval.revision.as_object() if approval.revision_id else latest
    if latest.consent_record_id != approval.consent_record_id:
        return refused(request, 403, "consent")
    if content_fingerprint(latest) != approval.content_fingerprint:
        return refused(request, 410, "outdated")
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        decision = form.cleaned_data["decision"]
        if not record_decision(approval, decision, form.cleaned_data["comment"]):
            return refused(request, 410, "used")
        response = TemplateResponse(
            request,
            "workflow/storyteller/thanks.html",
            {"approved": decision == StorytellerApproval.Decision.APPROVED},
        )
        return private(response.render())
    context = {"story": story, "form": form, "expires_at": approval.expires_at}
    response = TemplateResponse(request, "workflow/storyteller/preview.html", context)
    return private(response.render())


def send_storyteller_link(request: HttpRequest, page_id: int) -> HttpResponse:
    """The editor's confirmation page (GET) and the sending itself (POST, CSRF-protected)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    version = page.get_latest_revision_as_object()
    refusal = sending_refusal(version)
    edit_url = redirect("wagtailadmin_pages:edit", page.pk)
    if request.method == "POST":
        if refusal:
            messages.error(request, _("No link was sent: %(reason)s") % {"reason": refusal})
            return edit_url
        try:
            send_link(page, request.user)
        except LinkNotSent:
            messages.error(request, _("The email could not be sent; please try again later."))
            return edit_url
        messages.success(
            request,
            _("The storyteller was sent a link to approve this version of “%(title)s”.")
            % {"title": version.title},
        )
        return edit_url
    record = version.consent_record if not refusal else None
    context = {
        "page": page,
        "version": version,
        "refusal": refusal,
        "record": record,
        "review_staff": may_see_consent_details(request.user),
        "revision": page.get_latest_revision(),
        "days": link_days(),
        "decisions": StorytellerApproval.objects.filter(page=page).order_by("-created_at")[:10],
    }
    return TemplateResponse(request, "workflow/storyteller/send.html", context)
