"""The public Webmention endpoint (W3C Webmention, receiving side).

Exempt from Django's CSRF check on purpose: other sites' servers post here, with no session
or cookie; it acts for nobody, and every mention is verified and moderated before it shows.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from mentions import receiving


def _plain(message: str, status: int) -> HttpResponse:
    response = HttpResponse(f"{message}\n", status=status, content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)
    return response


@csrf_exempt
@require_POST
def receive(request: HttpRequest) -> HttpResponse:
    """Accept a mention for verification (202), or say which rule it breaks (400)."""
    if not receiving.within_rate_limit(request):
        response = _plain(_("Too many mentions from your address; try again later."), 429)
        response["Retry-After"] = str(receiving.rate_window())
        return response
    if receiving.queue_is_full():
        response = _plain(_("Too many mentions are waiting to be checked; try again later."), 503)
        response["Retry-After"] = "3600"
        return response
    try:
        receiving.record(request)
    except receiving.Rejected as rejection:
        return _plain(str(rejection), 400)
    return _plain(
        _("Accepted. Your page will be checked for the link, then reviewed by the hospital."), 202
    )
