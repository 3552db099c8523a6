"""Bulk approve and decline from the mention queue's checkboxes."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from mentions.forms import CANNOT_APPROVE
from mentions.models import ReceivedMention
from mentions.moderation import moderate
from mentions.permissions import ACCESS
from moderation.bulk_actions import AdminOnlyDeleteBulkAction, ModerationBulkAction


class MentionBulkAction(ModerationBulkAction):
    access = ACCESS
    models = [ReceivedMention]
    applies_to = ngettext_lazy(
        "This decision will apply to %(counter)s mention:",
        "This decision will apply to %(counter)s mentions:",
        "counter",
    )
    no_access_message = _("You don't have permission to moderate these mentions")

    @classmethod
    def decide(cls, pks, status, user, request) -> int:
        """Approving refuses the mentions that never passed verification, and says so."""
        changed, refused = moderate(pks, status, user)
        if refused and request is not None:
            messages.warning(request, CANNOT_APPROVE)
        return changed


class ApproveBulkAction(MentionBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected mentions")
    action_priority = 10
    status = ReceivedMention.Status.APPROVED
    confirm_label = _("Yes, show them under the stories")
    success_message = ngettext_lazy(
        "%(count)d mention approved.", "%(count)d mentions approved.", "count"
    )


class DeclineBulkAction(MentionBulkAction):
    display_name = _("Decline")
    action_type = "decline"
    aria_label = _("Decline selected mentions")
    action_priority = 20
    status = ReceivedMention.Status.REJECTED
    confirm_label = _("Yes, decline them")
    success_message = ngettext_lazy(
        "%(count)d mention declined.", "%(count)d mentions declined.", "count"
    )


class DeleteMentionsBulkAction(AdminOnlyDeleteBulkAction):
    """Wagtail's snippet bulk delete, for administrators only (registered to replace it)."""

    access = ACCESS
    models = [ReceivedMention]


BULK_ACTIONS = [ApproveBulkAction, DeclineBulkAction, DeleteMentionsBulkAction]
