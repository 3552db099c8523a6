"""Admin wiring for mention moderation: permissions, the queue, bulk actions, audit-log words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from mentions.bulk_actions import BULK_ACTIONS
from mentions.models import ReceivedMention
from mentions.permissions import ACCESS
from mentions.viewsets import MentionViewSet
from moderation.log_actions import register_log_actions
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


@hooks.register("register_log_actions")
def register_mention_log_actions(actions) -> None:
    """The reason after the message: “Mention rejected: The page is too large”."""
    entries = [
        ("mentions.verify", _("Verify mention"), _("Link found on the mentioning page")),
        ("mentions.reject", _("Reject mention"), _("Mention rejected by the verification")),
        ("mentions.approve", _("Approve mention"), _("Mention approved and shown")),
        ("mentions.decline", _("Decline mention"), _("Mention declined")),
    ]
    register_log_actions(actions, entries, dict(ReceivedMention.Reason.choices))
