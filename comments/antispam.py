"""Spam defences for the public comment form: fill timer, single-use form, per-address limit.

* Each form shown carries a signed token: when it was issued and a random id. A comment is
  accepted only between ``MIN_FILL_SECONDS`` and ``MAX_FILL_SECONDS`` after that, and each id
  is accepted once (``Comment.form_token`` is unique), so a form cannot be replayed.
* At most ``COMMENTS_RATE_LIMIT`` comments per client address are accepted in
  ``COMMENTS_RATE_WINDOW_SECONDS``. The address comes from ``clinic_site.client`` (trusted
  proxies only) and never the User-Agent, which the client chooses. The count is taken from
  the comments table under a per-client lock, so every worker and instance shares it.
* No address is stored: the fingerprint is an HMAC of the address keyed with ``SECRET_KEY``,
  cleared from comment rows by ``purge_comment_fingerprints`` after 30 days.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from clinic_site.client import client_address
from comments.models import Comment

FILL_TIMER_SALT = "comments.fill-timer"
MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 24 * 60 * 60
FINGERPRINT_RETENTION_DAYS = 30


def rate_limit() -> int:
    return settings.COMMENTS_RATE_LIMIT


def rate_window() -> timedelta:
    return timedelta(seconds=settings.COMMENTS_RATE_WINDOW_SECONDS)


def client_fingerprint(request: HttpRequest) -> str:
    """HMAC-SHA256 of the client address: stable per client, useless to anyone else."""
    key = f"comments.fingerprint:{settings.SECRET_KEY}".encode()
    return hmac.new(key, client_address(request).encode(), hashlib.sha256).hexdigest()


def fill_timer_token(issued_at: float | None = None) -> str:
    """A signed (timestamp, random id) put in each form shown, to time it and use it once."""
    issued = int(issued_at if issued_at is not None else time.time())
    return signing.dumps([issued, secrets.token_hex(16)], salt=FILL_TIMER_SALT)


@dataclass(frozen=True)
class FormToken:
    elapsed: float
    nonce: str


def read_token(token: str, now: float | None = None) -> FormToken | None:
    """The token's age and id, or None when it is missing, forged or too old."""
    try:
        issued_at, nonce = signing.loads(token, salt=FILL_TIMER_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(issued_at, int) or not isinstance(nonce, str):
        return None
    elapsed = (now if now is not None else time.time()) - issued_at
    if elapsed < 0 or elapsed > MAX_FILL_SECONDS:
        return None
    return FormToken(elapsed, nonce)


def form_already_used(nonce: str) -> bool:
    return Comment.objects.filter(form_token=nonce).exists()


class Refused(Exception):
    """The comment was not stored: ``reason`` is "rate_limited" or "replayed"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _lock_client(fingerprint: str) -> None:
    """Serialise the count-then-insert of one client across every worker (PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(fingerprint[:15], 16)])


def store_within_limit(comment: Comment) -> None:
    """Save ``comment`` unless its client used up the limit or its form was already used.

    Raises ``Refused``; an accepted comment is committed before this returns.
    """
    try:
        with transaction.atomic():
            _lock_client(comment.fingerprint)
            since = timezone.now() - rate_window()
            recent = Comment.objects.filter(fingerprint=comment.fingerprint, created_at__gte=since)
            if recent.count() >= rate_limit():
                raise Refused("rate_limited")
            comment.save()
    except IntegrityError as error:
        if comment.form_token and form_already_used(comment.form_token):
            raise Refused("replayed") from error
        raise
