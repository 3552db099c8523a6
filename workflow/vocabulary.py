"""One word for sending a page back: "changes requested", as the reviewers' button says.

Wagtail's page history called it "Rejected at …" while the button reads "Request changes"; the
emails (``workflow.notifications``) and the history now say the same thing.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter


class ChangesRequestedFormatter(LogFormatter):
    label = gettext_lazy("Workflow: changes requested")

    def format_message(self, log_entry: Any) -> str:
        try:
            task = log_entry.data["workflow"]["task"]["title"]
        except (KeyError, TypeError):
            return _("Changes requested")
        return _("Changes requested at “%(task)s”") % {"task": task}

    def format_comment(self, log_entry: Any) -> str:
        return log_entry.data.get("comment", "")


# Registered after Wagtail's own formatter for the same action, so this one is used.
@hooks.register("register_log_actions", order=100)
def register_changes_requested(actions: Any) -> None:
    actions.register_action("wagtail.workflow.reject")(ChangesRequestedFormatter)
