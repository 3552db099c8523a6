"""Read-side helpers for templates and other apps: approved counts without N+1 queries."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count
from django.http import HttpRequest
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


def public_thread(page: Page, request: HttpRequest | None = None) -> list[Comment]:
    """Approved readers' comments on a page, oldest first, each with the hospital's approved
    replies in ``public_replies``: one query, memoised on the request, so the count in a story's
    header and its comments section share it (their count is the length of this list)."""
    memo = request.__dict__.setdefault("_clinic_public_threads", {}) if request else {}
    if page.pk in memo:
        return memo[page.pk]
    rows = list(Comment.objects.filter(page_id=page.pk).public_display())
    comments = [row for row in rows if row.reply_to_id is None]
    by_id = {comment.pk: comment for comment in comments}
    for comment in comments:
        comment.public_replies = []
    for row in rows:
        if row.reply_to_id in by_id:  # a reply to a comment no longer shown stays hidden
            by_id[row.reply_to_id].public_replies.append(row)
    memo[page.pk] = comments
    return comments
