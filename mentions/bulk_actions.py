"""Bulk approve and decline from the mention queue's checkboxes."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from mentions.forms import CANNOT_APPROVE
from mentions.models import ReceivedMention
from mentions.moderation import moderate
from mentions.permissions import DELETE_PERMISSION, can_moderate, refuse


class ModerationBulkAction(SnippetBulkAction):
    models = [ReceivedMention]
    template_name = "mentions/admin/confirm_bulk_moderation.html"
    status: str = ""
    confirm_label = _("Yes, go ahead")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Refuse outright: the generic "items without access" list would show the mentions.
        if not can_moderate(request.user):
            return refuse(request)
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, mention: ReceivedMention) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", mention
        )

    def get_execution_context(self) -> dict:
        return {"user": self.request.user, "status": self.status, "request": self.request}

    @classmethod
    def execute_action(cls, objects, user=None, status="", request=None, **kwargs):
        changed, refused = moderate([mention.pk for mention in objects], status, user)
        if refused and request is not None:
            messages.warning(request, CANNOT_APPROVE)
        return changed, 0

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["action_title"] = self.display_name
        context["confirm_label"] = self.confirm_label
        return context


class ApproveBulkAction(ModerationBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected mentions")
    action_priority = 10
    status = ReceivedMention.Status.APPROVED
    confirm_label = _("Yes, show them under the stories")

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return ngettext(
            "%(count)d mention approved.", "%(count)d mentions approved.", num_parent_objects
        ) % {"count": num_parent_objects}


class DeclineBulkAction(ModerationBulkAction):
    display_name = _("Decline")
    action_type = "decline"
    aria_label = _("Decline selected mentions")
    action_priority = 20
    status = ReceivedMention.Status.REJECTED
    confirm_label = _("Yes, decline them")

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return ngettext(
            "%(count)d mention declined.", "%(count)d mentions declined.", num_parent_objects
        ) % {"count": num_parent_objects}


class DeleteMentionsBulkAction(DeleteBulkAction):
    """Wagtail's snippet bulk delete, for administrators only (registered to replace it)."""

    models = [ReceivedMention]

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(DELETE_PERMISSION):
            return refuse(request)
        return super().dispatch(request, *args, **kwargs)


BULK_ACTIONS = [ApproveBulkAction, DeclineBulkAction, DeleteMentionsBulkAction]
