"""The verification job: does each received mention's source page really link to the story?

Runs from ``manage.py verify_mentions`` (scheduled), never in a reader's request. Each run
checks at most ``MENTIONS_VERIFY_BATCH`` mentions, oldest first, each fetch bounded by
``mentions.fetch``, so a run ends in bounded time however many mentions wait.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from mentions import html
from mentions.fetch import FetchRefused, fetch
from mentions.models import ReceivedMention

Status = ReceivedMention.Status
Reason = ReceivedMention.Reason


def batch_size() -> int:
    return int(getattr(settings, "MENTIONS_VERIFY_BATCH", 50))


def _check(mention: ReceivedMention) -> tuple[str, str]:
    """(reason it fails, "") or ("", the source's title)."""
    if not Page.objects.live().public().filter(pk=mention.page_id).exists():
        return Reason.STORY_OFFLINE, ""
    try:
        fetched = fetch(mention.source)
    except FetchRefused as refusal:
        return refusal.problem.value, ""
    if fetched.status >= 400:
        return Reason.HTTP_ERROR, ""
    if not fetched.is_html:
        return Reason.NOT_HTML, ""
    soup = html.parse(fetched)
    if html.normalise(mention.target) not in html.links(soup, fetched.url):
        return Reason.NO_LINK, ""
    return "", html.title(soup)


def verify(mention: ReceivedMention) -> str:
    """Check one mention and record the outcome: its new status."""
    reason, title = _check(mention)
    mention.source_host = (urlsplit(mention.source).hostname or "")[:253]
    if reason:
        mention.status = Status.REJECTED
        mention.reason = reason
        mention.verified_at = None
    else:
        mention.status = Status.VERIFIED
        mention.reason = ""
        mention.source_title = title
        mention.verified_at = timezone.now()
    mention.save(update_fields=["status", "reason", "source_title", "source_host", "verified_at"])
    action = "mentions.reject" if reason else "mentions.verify"
    log(mention, action, user=None, data={"reason": reason})
    return mention.status


def verify_pending(limit: int | None = None) -> Counter:
    """Verify up to ``limit`` pending mentions, oldest first; a count per outcome."""
    pending = ReceivedMention.objects.filter(status=Status.PENDING).order_by("received_at", "pk")
    ids = list(pending.values_list("pk", flat=True)[: limit or batch_size()])
    outcomes: Counter = Counter()
    for pk in ids:
        mention = ReceivedMention.objects.filter(pk=pk, status=Status.PENDING).first()
        if mention is None:  # decided meanwhile (another run, a moderator)
            continue
        status = verify(mention)
        outcomes[mention.reason or status] += 1
    return outcomes
