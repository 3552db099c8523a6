"""The Webmention endpoint's checks: the W3C request rules, the target story, the limits.

Nothing here fetches anything: the endpoint only records the claim as pending, and the
verification job (``mentions.verification``) looks at the source page later.
"""

from __future__ import annotations

import hashlib
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.http.request import validate_host
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from clinic_site.client import client_address
from mentions import html
from mentions.fetch import is_web_address
from mentions.models import URL_MAX_LENGTH, ReceivedMention, page_accepts_webmentions

logger = logging.getLogger(__name__)

MISSING = _("Send both “source” and “target”, form-encoded.")
TOO_LONG = _("The source or target address is too long.")
BAD_SOURCE = _("The source must be an http or https address.")
SAME = _("The source and the target must be different pages.")
NO_STORY = _("The target is not a published story of this site.")


class Rejected(Exception):
    """The request breaks a rule; the message tells the sender which."""


def rate_limit() -> int:
    return int(getattr(settings, "MENTIONS_RATE_LIMIT", 20))


def rate_window() -> int:
    return int(getattr(settings, "MENTIONS_RATE_WINDOW_SECONDS", 600))


def within_rate_limit(request: HttpRequest) -> bool:
    """Count this request against its client address in the shared cache (never stored as is)."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode())
    key = f"mentions:rate:{digest.hexdigest()}"
    try:
        cache.add(key, 0, rate_window())
        try:
            count = cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, rate_window())
            count = 1
    except Exception:
        logger.warning("mentions: rate-limit counter unavailable", exc_info=True)
        return True
    return count <= rate_limit()


def queue_is_full() -> bool:
    """A bound on the verification backlog, whoever sends the mentions."""
    limit = int(getattr(settings, "MENTIONS_MAX_PENDING", 500))
    return ReceivedMention.objects.filter(status=ReceivedMention.Status.PENDING).count() >= limit


def _this_site(host: str, request: HttpRequest) -> bool:
    allowed = settings.ALLOWED_HOSTS or (
        [".localhost", "127.0.0.1", "[::1]"] if settings.DEBUG else []
    )
    return host == request.get_host().split(":")[0].lower() or validate_host(host, allowed)


def target_story(target: str, request: HttpRequest) -> Page:
    """The live, public story at ``target`` on this site, or :class:`Rejected`."""
    parts = urlsplit(target)
    if not is_web_address(target) or not _this_site(parts.hostname, request):
        raise Rejected(NO_STORY)
    path = parts.path if parts.path.endswith("/") else f"{parts.path}/"
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    for page in Page.objects.live().public().filter(slug=slug).select_related("locale"):
        if page_accepts_webmentions(page) and page.get_url_parts(request)[2] == path:
            return page
    raise Rejected(NO_STORY)


def record(request: HttpRequest) -> ReceivedMention:
    """Check a Webmention request and store it as pending verification (a repeat of the same
    source and target is verified again: the other site may have changed or removed its link)."""
    source = request.POST.get("source", "").strip()
    target = request.POST.get("target", "").strip()
    if not source or not target:
        raise Rejected(MISSING)
    if len(source) > URL_MAX_LENGTH or len(target) > URL_MAX_LENGTH:
        raise Rejected(TOO_LONG)
    if not is_web_address(source) or not html.normalise(source):
        raise Rejected(BAD_SOURCE)
    if html.normalise(source) == html.normalise(target):
        raise Rejected(SAME)
    page = target_story(target, request)
    mention, _created = ReceivedMention.objects.update_or_create(
        source=source,
        target=target,
        defaults={
            "page": page,
            "status": ReceivedMention.Status.PENDING,
            "reason": "",
            "verified_at": None,
            "received_at": timezone.now(),
            "source_host": (urlsplit(source).hostname or "")[:253],
        },
    )
    return mention
