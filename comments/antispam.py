"""Spam defences for the public comment form: client fingerprint, fill timer and rate limit.

No raw IP address is stored anywhere: the fingerprint is an HMAC of IP and user agent keyed
with ``SECRET_KEY``. It lives in the cache for the rate-limit window and on the comment row
until ``purge_comment_fingerprints`` clears it (after ``FINGERPRINT_RETENTION_DAYS``).
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

FILL_TIMER_SALT = "comments.fill-timer"
MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 24 * 60 * 60
RATE_LIMIT_COUNT = 5
RATE_LIMIT_WINDOW_SECONDS = 10 * 60
FINGERPRINT_RETENTION_DAYS = 30


def client_ip(request: HttpRequest) -> str:
    """The client address; behind a proxy, the header named by COMMENTS_CLIENT_IP_HEADER.

    Only trust a header that your own proxy overwrites (e.g. ``HTTP_X_REAL_IP``): clients can
    send any ``X-Forwarded-For`` they like.
    """
    header = getattr(settings, "COMMENTS_CLIENT_IP_HEADER", "")  # set from the environment
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_fingerprint(request: HttpRequest) -> str:
    """HMAC-SHA256 of client IP and user agent: stable per client, useless to anyone else."""
    message = f"{client_ip(request)}\n{request.META.get('HTTP_USER_AGENT', '')}"
    key = f"comments.fingerprint:{settings.SECRET_KEY}".encode()
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def fill_timer_token(issued_at: float | None = None) -> str:
    """A signed timestamp put in the form when it is shown, to measure how long filling took."""
    return signing.dumps(
        int(issued_at if issued_at is not None else time.time()), salt=FILL_TIMER_SALT
    )


def seconds_since_issued(token: str, now: float | None = None) -> float | None:
    """Seconds since the token was issued, or None when it is missing, forged or too old."""
    try:
        issued_at = signing.loads(token, salt=FILL_TIMER_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(issued_at, int):
        return None
    elapsed = (now if now is not None else time.time()) - issued_at
    if elapsed < 0 or elapsed > MAX_FILL_SECONDS:
        return None
    return elapsed


def _rate_key(fingerprint: str) -> str:
    return f"comments:rate:{fingerprint}"


def rate_limited(fingerprint: str) -> bool:
    """True when this client already posted RATE_LIMIT_COUNT comments in the current window."""
    return (cache.get(_rate_key(fingerprint)) or 0) >= RATE_LIMIT_COUNT


def record_post(fingerprint: str) -> None:
    """Count an accepted comment; the window starts with the client's first comment.

    ``add`` then ``incr`` is atomic on Redis, so parallel posts from one client are all counted.
    """
    key = _rate_key(fingerprint)
    cache.add(key, 0, timeout=RATE_LIMIT_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # the key expired between add and incr: start a new window
        cache.set(key, 1, timeout=RATE_LIMIT_WINDOW_SECONDS)
