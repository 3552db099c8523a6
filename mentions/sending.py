"""Sending Webmentions for the links in a story, after it is published.

Publishing only queues (one row per linked page, no network): ``manage.py send_mentions``
(scheduled) does the fetching, at most ``MENTIONS_SEND_BATCH`` links a run, each bounded by
``mentions.fetch``. Links the story no longer has are queued again too, as the W3C
recommendation asks, so the other site can see the link is gone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from mentions import html
from mentions.fetch import FetchRefused, fetch, is_web_address
from mentions.models import URL_MAX_LENGTH, FetchProblem, SentMention

Status = SentMention.Status


def batch_size() -> int:
    return int(getattr(settings, "MENTIONS_SEND_BATCH", 50))


def _strings(value) -> list[str]:
    """Every string inside a StreamField's raw data (rich text blocks hold the links)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, Sequence):  # lists, and Wagtail's RawDataView
        return [text for item in value for text in _strings(item)]
    return []


def _own_hosts() -> set[str]:
    return {hostname.lower() for hostname in Site.objects.values_list("hostname", flat=True)}


def external_links(page: Page) -> list[str]:
    """The http(s) links written in the page's rich text, other sites only, in order."""
    page = page.specific
    texts: list[str] = []
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            texts += _strings(getattr(page, model_field.name).raw_data)
        elif isinstance(model_field, RichTextField):
            texts.append(getattr(page, model_field.name) or "")
    own = _own_hosts()
    found: dict[str, None] = {}
    for text in texts:
        if "<a" not in text:
            continue
        for anchor in BeautifulSoup(text, "html.parser").find_all("a", href=True):
            url = anchor["href"].strip()
            if not is_web_address(url) or len(url) > URL_MAX_LENGTH:
                continue
            if urlsplit(url).hostname.lower() not in own:
                found[url.split("#", 1)[0]] = None
    return list(found)


def queue_for_page(page: Page) -> int:
    """Queue a mention for every external link of the published page (and every link it had
    before); returns how many were queued. No network here."""
    links = external_links(page)
    now = timezone.now()
    with transaction.atomic():
        for target in links:
            SentMention.objects.update_or_create(
                page_id=page.pk,
                target=target,
                defaults={"status": Status.QUEUED, "queued_at": now, "problem": ""},
            )
        dropped = SentMention.objects.filter(page_id=page.pk).exclude(target__in=links)
        requeued = dropped.update(status=Status.QUEUED, queued_at=now, problem="")
    return len(links) + requeued


def send(mention: SentMention) -> str:
    """Discover the target's endpoint and post source and target to it; record the result."""
    page = Page.objects.live().public().filter(pk=mention.page_id).first()
    mention.attempted_at = timezone.now()
    mention.problem = ""
    mention.response_status = None
    if page is None:
        mention.status = Status.SKIPPED
    else:
        mention.source = page.get_full_url()
        try:
            _deliver(mention)
        except FetchRefused as refusal:
            mention.status = Status.FAILED
            mention.problem = refusal.problem.value
    mention.save()
    return mention.status


def _deliver(mention: SentMention) -> None:
    found = html.endpoint(fetch(mention.target))
    if found is None:
        mention.status = Status.NO_ENDPOINT
        mention.endpoint = ""
        return
    mention.endpoint = found[:URL_MAX_LENGTH]
    answer = fetch(
        found, method="POST", fields={"source": mention.source, "target": mention.target}
    )
    mention.response_status = answer.status
    if 200 <= answer.status < 300:
        mention.status = Status.SENT
    else:
        mention.status = Status.FAILED
        mention.problem = FetchProblem.HTTP_ERROR


def send_queued(limit: int | None = None) -> Counter:
    """Send up to ``limit`` queued mentions, oldest first; a count per outcome."""
    queued = SentMention.objects.filter(status=Status.QUEUED).order_by("queued_at", "pk")
    outcomes: Counter = Counter()
    for pk in list(queued.values_list("pk", flat=True)[: limit or batch_size()]):
        mention = SentMention.objects.filter(pk=pk, status=Status.QUEUED).first()
        if mention is not None:
            outcomes[send(mention)] += 1
    return outcomes
