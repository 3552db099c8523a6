"""Policy version numbers and the version history, read from Wagtail's own records.

The history is not a second table that could drift from what was really published: a version
is in the history only if Wagtail logged a publish action for one of the page's revisions.
Drafts, rejected revisions and revisions still in review never appear.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.db.models.fields.json import KeyTextTransform
from wagtail.models import PageLogEntry, Revision

VERSION_RE = re.compile(r"^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})$")
# Where a version appears in a URL: digits only, so garbage never reaches the database.
VERSION_URL_RE = r"(?P<version>\d{1,4}\.\d{1,4})"
# A revision went live when Wagtail logged one of these with it (publishing now, or on schedule).
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")

VersionKey = tuple[int, int]


def parse_version(text: str | None) -> VersionKey | None:
    """``"2.10"`` → ``(2, 10)``, so versions compare as numbers; None when not major.minor."""
    match = VERSION_RE.match(text or "")
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def _parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class PublishedVersion:
    """One version of a policy as it was published: enough to list it and to load it."""

    revision_id: int
    version: str
    effective_date: datetime.date | None
    summary_of_changes: str
    published_at: datetime.datetime

    @property
    def key(self) -> VersionKey:
        return parse_version(self.version) or (-1, -1)


def published_versions(page_id: int) -> list[PublishedVersion]:
    """Every version the page has published, oldest first, in one query.

    Only the few fields the history needs are read out of each revision's JSON, never the
    whole body, so the cost stays flat however long the history grows. When one version
    number was published more than once (republished unchanged), its latest publication wins.
    """
    publish_logs = PageLogEntry.objects.filter(
        page_id=page_id, action__in=PUBLISH_ACTIONS, revision_id=OuterRef("pk")
    ).order_by("-timestamp")
    rows = (
        Revision.page_revisions.filter(
            object_id=str(page_id),
            pk__in=PageLogEntry.objects.filter(
                page_id=page_id, action__in=PUBLISH_ACTIONS, revision__isnull=False
            ).values("revision_id"),
        )
        .annotate(
            published_at=Subquery(publish_logs.values("timestamp")[:1]),
            v_version=KeyTextTransform("version", "content"),
            v_effective=KeyTextTransform("effective_date", "content"),
            v_summary=KeyTextTransform("summary_of_changes", "content"),
        )
        .order_by("published_at", "pk")
        .values_list("pk", "v_version", "v_effective", "v_summary", "published_at")
    )
    by_version: dict[str, PublishedVersion] = {}
    for pk, version, effective, summary, published_at in rows:
        if parse_version(version) is None:
            continue
        by_version[version] = PublishedVersion(
            revision_id=pk,
            version=version,
            effective_date=_parse_date(effective),
            summary_of_changes=summary or "",
            published_at=published_at,
        )
    return sorted(by_version.values(), key=lambda entry: entry.key)


def find_version(history: list[PublishedVersion], version: str) -> PublishedVersion | None:
    return next((entry for entry in history if entry.version == version), None)


def previous_version(
    history: list[PublishedVersion], entry: PublishedVersion
) -> PublishedVersion | None:
    """The version published just before ``entry`` in version order, if any."""
    earlier = [other for other in history if other.key < entry.key]
    return earlier[-1] if earlier else None


def latest_published(history: list[PublishedVersion]) -> PublishedVersion | None:
    """The most recently published version (what any new version must improve on)."""
    return max(history, key=lambda entry: entry.published_at, default=None)
