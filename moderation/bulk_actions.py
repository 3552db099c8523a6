"""The queues' bulk actions: a decision applied to every selected item after one confirmation
page (``moderation/confirm_bulk_moderation.html``), and Wagtail's delete for administrators only."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from moderation.permissions import ModerationAccess


class ModerationBulkAction(SnippetBulkAction):
    """Subclasses name ``access``, ``models``, ``status`` and the words of the page, and apply
    the decision with the queue's own moderation in ``decide``."""

    access: ModerationAccess
    template_name = "moderation/confirm_bulk_moderation.html"
    status: str = ""
    confirm_label = _("Yes, go ahead")
    # Per queue: ngettext_lazy("This decision will apply to %(counter)s comment:", …, "counter")
    # and the line over the items the user may not moderate.
    applies_to: str
    no_access_message: str
    # ngettext_lazy("%(count)d comment rejected.", "%(count)d comments rejected.", "count")
    success_message: str

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Other bulk actions list the items "without access"; that would show unmoderated
        # items to people who may not read them, so refuse outright.
        if not self.access.can_moderate(request.user):
            return self.access.refuse(request)
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, obj) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def decision_details(self) -> dict[str, Any]:
        """What ``decide`` needs from the confirmation form besides the status (a rejection
        reason); nothing by default."""
        return {}

    def get_execution_context(self) -> dict[str, Any]:
        return {
            "user": self.request.user,
            "status": self.status,
            "request": self.request,
            **self.decision_details(),
        }

    @classmethod
    def execute_action(
        cls, objects, user=None, status: str = "", request: HttpRequest | None = None, **details
    ) -> tuple[int, int]:
        """The decision applied to every selected item: (how many changed, no child objects)."""
        return cls.decide([item.pk for item in objects], status, user, request, **details), 0

    @classmethod
    def decide(
        cls, pks: list[int], status: str, user, request: HttpRequest | None, **details
    ) -> int:
        """The queue's moderation of the items ``pks``; how many changed."""
        raise NotImplementedError

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return self.success_message % {"count": num_parent_objects}

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["action_title"] = self.display_name
        context["confirm_label"] = self.confirm_label
        context["applies_to"] = self.applies_to % {"counter": len(context.get("items", []))}
        context["no_access_message"] = self.no_access_message
        return context


class AdminOnlyDeleteBulkAction(DeleteBulkAction):
    """Wagtail's snippet bulk delete, for holders of the delete permission (administrators);
    registered late so it replaces the generic one for the queue's model."""

    access: ModerationAccess

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(self.access.delete_permission):
            return self.access.refuse(request)
        return super().dispatch(request, *args, **kwargs)
