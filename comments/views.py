"""The public endpoint that receives a comment: validate, screen, hold for moderation, PRG."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from comments import antispam
from comments.forms import CommentForm
from comments.models import page_accepts_comments
from comments.prescreen import identifier_kinds

THANKS = _("Thanks — your comment will appear after review.")
HONEYPOT_ERROR = _(
    "We could not tell your comment apart from automated spam. Your text is kept below: "
    "please check it and send it again."
)
TOO_FAST_ERROR = _(
    "That was quicker than a person usually writes, so we held it back. Your text is kept "
    "below: please check it and send it again."
)
STALE_FORM_ERROR = _(
    "This form was open for a long time, or could not be checked. Your text is kept below: "
    "please send it again."
)
RATE_LIMIT_ERROR = _(
    "You have sent several comments in the last few minutes. Please wait ten minutes and "
    "send this one again — your text is kept below."
)


def commentable_page(page_id: int) -> Page:
    """A live, public page whose type takes comments (a story or a video), or 404."""
    page = get_object_or_404(Page.objects.live().public().select_related("locale"), pk=page_id)
    if not page_accepts_comments(page):
        raise Http404("This page does not take comments.")
    return page


def _spam_check_error(form: CommentForm, fingerprint: str) -> tuple[str, int] | None:
    """The reader-facing reason this submission is held back, with its status code."""
    if form.honeypot_filled:
        return HONEYPOT_ERROR, 200
    elapsed = antispam.seconds_since_issued(form.fill_timer)
    if elapsed is None:
        return STALE_FORM_ERROR, 200
    if elapsed < antispam.MIN_FILL_SECONDS:
        return TOO_FAST_ERROR, 200
    if antispam.rate_limited(fingerprint):
        return RATE_LIMIT_ERROR, 429
    return None


@require_POST
def post_comment(request: HttpRequest, page_id: int) -> HttpResponse:
    """Hold a new comment for moderation and redirect to the story; on any problem, show the
    form again with the reader's text and the reason, so nothing typed is ever lost."""
    page = commentable_page(page_id)
    form = CommentForm(request.POST)
    fingerprint = antispam.client_fingerprint(request)
    status = 200
    if form.is_valid():
        problem = _spam_check_error(form, fingerprint)
        if problem is None:
            comment = form.save(commit=False)
            comment.page = page
            comment.fingerprint = fingerprint
            comment.flagged_identifiers = identifier_kinds(f"{comment.name}\n{comment.body}")
            comment.save()
            antispam.record_post(fingerprint)
            messages.success(request, THANKS, extra_tags="comments")
            return HttpResponseRedirect(f"{page.get_url(request)}#comments")
        message, status = problem
        form.add_error(None, message)
    context = {"page": page, "form": form, "fill_timer": antispam.fill_timer_token()}
    return render(request, "comments/comment_form_page.html", context, status=status)
