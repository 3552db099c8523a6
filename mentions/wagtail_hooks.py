"""Admin wiring for mention moderation: permissions, the queue, bulk actions, audit-log words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter

from mentions.bulk_actions import BULK_ACTIONS
from mentions.models import ReceivedMention
from mentions.permissions import ACCESS
from mentions.viewsets import MentionViewSet
from moderation.viewsets import register_queue

mention_viewset = MentionViewSet()
register_queue(ReceivedMention, ACCESS, mention_viewset, BULK_ACTIONS)


class MentionsAwaitingModerationPanel(Component):
    """Dashboard panel for Communications, shown only while verified mentions wait."""

    name = "mentions_awaiting_moderation"
    template_name = "mentions/admin/dashboard_panel.html"
    order = 206

    def __init__(self, waiting: int) -> None:
        self.waiting = waiting

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict:
        return {"waiting": self.waiting, "queue_url": reverse(mention_viewset.get_url_name("list"))}


@hooks.register("construct_homepage_panels")
def add_mentions_panel(request, panels: list) -> None:
    if ACCESS.can_moderate(request.user):
        waiting = ReceivedMention.objects.awaiting_moderation().count()
        if waiting:
            panels.append(MentionsAwaitingModerationPanel(waiting))


class _MentionFormatter(LogFormatter):
    """Adds the reason where there is one: “Mention rejected: The page is too large”."""

    def format_message(self, log_entry) -> str:
        reason = log_entry.data.get("reason")
        if reason in ReceivedMention.Reason.values:
            return f"{self.message}: {ReceivedMention.Reason(reason).label}"
        return str(self.message)


@hooks.register("register_log_actions")
def register_mention_log_actions(actions) -> None:
    for code, label, message in [
        ("mentions.verify", _("Verify mention"), _("Link found on the mentioning page")),
        ("mentions.reject", _("Reject mention"), _("Mention rejected by the verification")),
        ("mentions.approve", _("Approve mention"), _("Mention approved and shown")),
        ("mentions.decline", _("Decline mention"), _("Mention declined")),
    ]:
        formatter = type(
            f"{code.replace('.', '_')}_formatter",
            (_MentionFormatter,),
            {"label": label, "message": message},
        )
        actions.register_action(code)(formatter)
