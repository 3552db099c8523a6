"""Admin wiring of the storyteller's approval: the editor's menu item, its view, the history."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.log_actions import LogFormatter

from workflow.storyteller import DECISION_ACTION, LINK_SENT_ACTION, needs_storyteller_approval
from workflow.storyteller_views import send_storyteller_link


class AskStorytellerMenuItem(ActionMenuItem):
    """In the editor's action menu of a patient's story: send the storyteller the link."""

    label = _("Ask the storyteller to approve")
    name = "action-ask-storyteller"
    icon_name = "mail"
    order = 60

    def is_shown(self, context: dict[str, Any]) -> bool:
        if context["view"] != "edit":
            return False
        page = context["page"]
        return (
            needs_storyteller_approval(page)
            and self.get_user_page_permissions_tester(context).can_edit()
        )

    def get_url(self, parent_context: dict[str, Any]) -> str:
        return reverse("workflow_storyteller_send", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_ask_storyteller_menu_item() -> ActionMenuItem:
    return AskStorytellerMenuItem()


@hooks.register("register_admin_urls")
def register_storyteller_admin_urls() -> list:
    return [
        path(
            "storyteller/send/<int:page_id>/",
            send_storyteller_link,
            name="workflow_storyteller_send",
        ),
    ]


@hooks.register("register_log_actions")
def register_storyteller_log_actions(actions) -> None:
    @actions.register_action(LINK_SENT_ACTION)
    class LinkSentFormatter(LogFormatter):
        label = _("Storyteller asked to approve")

        def format_message(self, log_entry) -> str:
            return _("Approval link sent to the storyteller (consent record %(reference)s)") % {
                "reference": log_entry.data.get("consent_record", "")
            }

    @actions.register_action(DECISION_ACTION)
    class DecisionFormatter(LogFormatter):
        label = _("Storyteller's decision")

        def format_message(self, log_entry) -> str:
            if log_entry.data.get("decision") == "approved":
                return _("The storyteller approved this version")
            return _("The storyteller asked for changes: “%(comment)s”") % {
                "comment": log_entry.data.get("comment", "")
            }
