"""Read-side helpers for templates and other apps: approved counts without N+1 queries."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count
from wagtail.models import Page

from comments.models import Comment


def _page_id(page: Page | int) -> int:
    return page if isinstance(page, int) else page.pk


def approved_counts(pages: Iterable[Page | int]) -> dict[int, int]:
    """Approved readers' comments per page id (hospital replies not counted), in one query;
    pages with none map to 0."""
    ids = {_page_id(page) for page in pages}
    if not ids:
        return {}
    rows = (
        Comment.objects.approved()
        .readers()
        .filter(page_id__in=ids)
        .order_by()
        .values("page_id")
        .annotate(total=Count("pk"))
        .values_list("page_id", "total")
    )
    return {page_id: 0 for page_id in ids} | dict(rows)


def approved_count(page: Page | int) -> int:
    """Approved readers' comments on one page (one query)."""
    return Comment.objects.approved().readers().filter(page_id=_page_id(page)).count()
