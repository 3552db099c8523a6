"""The public comment pages: the form (its own uncached address), the endpoint, the thanks.

Story pages carry no form, token or cookie, so the page cache can share them between readers;
they link to ``comments:new``, which answers ``Cache-Control: private, no-store``.

The endpoint is exempt from Django's CSRF check, on purpose: it acts for nobody (no session,
no sign-in, every comment held for moderation), so a forged cross-site post could do no more
than the attacker can by posting directly. The signed single-use form token with its minimum
fill time, the honeypot, the per-address limit and a same-origin check stand in its place;
staying cookie-free is what lets every story page be cached.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Page

from comments import antispam
from comments.forms import CommentForm
from comments.models import page_accepts_comments
from comments.prescreen import identifier_kinds

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
    "You have sent several comments in the last few minutes. Please try again later — in "
    "about ten minutes. Your text is kept below."
)
REPLAYED_ERROR = _(
    "This form was already sent, and that comment is waiting for review. To send another "
    "comment, use the form below."
)
CROSS_SITE_ERROR = _("Comments can only be sent from this site's own comment form.")


def commentable_page(page_id: int) -> Page:
    """A live, public page whose type takes comments (a story or a video), or 404."""
    page = get_object_or_404(Page.objects.live().public().select_related("locale"), pk=page_id)
    if not page_accepts_comments(page):
        raise Http404("This page does not take comments.")
    return page


def _personal(response: HttpResponse) -> HttpResponse:
    """Never stored by the page cache, a CDN or the browser: it holds a one-off form token."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _form_page(request: HttpRequest, page: Page, form: CommentForm, status: int = 200):
    context = {"page": page, "form": form, "fill_timer": antispam.fill_timer_token()}
    response = render(request, "comments/comment_form_page.html", context, status=status)
    return _personal(response)


def _cross_site(request: HttpRequest) -> bool:
    """A browser told us the post came from another site's page."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and urlsplit(origin).netloc != request.get_host()


def _spam_check_error(form: CommentForm) -> tuple[str, int] | None:
    """The reader-facing reason this submission is held back, with its status code."""
    if form.honeypot_filled:
        return HONEYPOT_ERROR, 200
    token = antispam.read_token(form.fill_timer)
    if token is None:
        return STALE_FORM_ERROR, 200
    if token.elapsed < antispam.MIN_FILL_SECONDS:
        return TOO_FAST_ERROR, 200
    if antispam.form_already_used(token.nonce):
        return REPLAYED_ERROR, 409
    return None


@require_safe
def new_comment(request: HttpRequest, page_id: int) -> HttpResponse:
    """The comment form for one story, with a fresh single-use token."""
    return _form_page(request, commentable_page(page_id), CommentForm())


@csrf_exempt
@require_POST
def post_comment(request: HttpRequest, page_id: int) -> HttpResponse:
    """Hold a new comment for moderation and redirect to the thanks page; on any problem, show
    the form again with the reader's text and the reason, so nothing typed is ever lost."""
    page = commentable_page(page_id)
    if _cross_site(request):
        return _personal(HttpResponse(CROSS_SITE_ERROR, status=403, content_type="text/plain"))
    form = CommentForm(request.POST)
    status = 200
    if form.is_valid():
        problem = _spam_check_error(form)
        if problem is None:
            comment = form.save(commit=False)
            comment.page = page
            comment.fingerprint = antispam.client_fingerprint(request)
            comment.form_token = antispam.read_token(form.fill_timer).nonce
            comment.flagged_identifiers = identifier_kinds(f"{comment.name}\n{comment.body}")
            try:
                antispam.store_within_limit(comment)
            except antispam.Refused as refusal:
                problem = (
                    (RATE_LIMIT_ERROR, 429)
                    if refusal.reason == "rate_limited"
                    else (REPLAYED_ERROR, 409)
                )
            else:
                return HttpResponseRedirect(reverse("comments:sent", args=[page.pk]))
        message, status = problem
        form.add_error(None, message)
    response = _form_page(request, page, form, status)
    if status == 429:
        response["Retry-After"] = str(int(antispam.rate_window().total_seconds()))
    return response


@require_safe
def comment_sent(request: HttpRequest, page_id: int) -> HttpResponse:
    """Where a reader lands after sending: the comment waits for review."""
    page = commentable_page(page_id)
    return _personal(render(request, "comments/comment_sent.html", {"page": page}))
