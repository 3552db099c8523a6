"""Admin wiring for comment moderation: permissions, the queue, bulk actions, the dashboard
panel and the audit-log vocabulary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from comments.bulk_actions import BULK_ACTIONS
from comments.models import Comment
from comments.permissions import ACCESS
from comments.replies import REFUSAL_MESSAGES
from comments.viewsets import CommentViewSet
from moderation.log_actions import register_log_actions
from moderation.viewsets import register_queue

comment_viewset = CommentViewSet()
register_queue(Comment, ACCESS, comment_viewset, BULK_ACTIONS)


class CommentsAwaitingModerationPanel(Component):
    """Dashboard panel for Communications: how many comments wait, and how many look risky."""

    name = "comments_awaiting_moderation"
    template_name = "comments/admin/dashboard_panel.html"
    order = 205

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict:
        summary = Comment.objects.pending().aggregate(
            pending=Count("pk"),
            flagged=Count("pk", filter=~Q(flagged_identifiers=[])),
            oldest=Min("created_at"),
        )
        return {**summary, "queue_url": reverse(comment_viewset.get_url_name("list"))}


@hooks.register("construct_homepage_panels")
def add_comments_panel(request, panels: list) -> None:
    if ACCESS.can_moderate(request.user):
        panels.append(CommentsAwaitingModerationPanel())


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions) -> None:
    """The reason after the message: why a comment was rejected, why an approval was refused."""
    reasons = {**REFUSAL_MESSAGES, **dict(Comment.RejectionReason.choices)}
    entries = [
        ("comments.approve", _("Approve comment"), _("Comment approved and published")),
        ("comments.reject", _("Reject comment"), _("Comment rejected")),
        ("comments.spam", _("Mark comment as spam"), _("Comment marked as spam")),
        ("comments.reopen", _("Return comment to the queue"), _("Comment returned to the queue")),
        ("comments.reply", _("Reply as the hospital"), _("Hospital reply published")),
        (
            "comments.reply_held",
            _("Reply as the hospital (held)"),
            _("Hospital reply held: the pre-screen found possible personal details"),
        ),
        (
            "comments.reply_approval_refused",
            _("Hospital reply approval refused"),
            _("Approval of the hospital reply refused"),
        ),
    ]
    register_log_actions(actions, entries, reasons)
