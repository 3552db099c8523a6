"""What the queues' snippet viewsets share: no copy, inspect or chooser views, every view behind
the queue's permission, only the meaningful permissions in the group editor, and an edit view
whose message says what was decided."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import Permission
from django.db.models import Model, QuerySet
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from moderation.permissions import ModerationAccess, ModerationPermissionPolicy


class DecisionEditViewMixin:
    """For a queue's edit view, where saving records a decision: the message says which one.

    Wagtail's snippet edit view says "<Model> '…' updated." whatever the moderator chose (it
    ignores ``success_message``); "Comment by Ana approved." tells them it worked as meant.
    ``decision_messages`` maps the item's saved status to a message, formatted with
    :meth:`decision_context`; another status falls back to Wagtail's message.
    """

    decision_messages: Mapping[str, str] = {}

    def decision_context(self, instance: Model) -> dict[str, Any]:
        return {"object": instance}

    def get_success_message(self, instance: Model | None = None) -> str | None:
        instance = instance or self.object
        message = self.decision_messages.get(instance.status)
        if message is None:
            return super().get_success_message(instance)
        return message % self.decision_context(instance)


class ModerationViewSetMixin:
    access: ModerationAccess
    # Further permissions of the queue shown in the group editor (e.g. replying as the hospital).
    extra_codenames: tuple[str, ...] = ()
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50

    def get_urlpatterns(self) -> list:
        """Every view answers 403 to anyone who may not moderate (deleting: administrators;
        adding: nobody)."""
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if pattern.name == "add":
                pattern.callback = self.access.refuse
            else:
                permission = self.access.permission_for(
                    "delete" if pattern.name == "delete" else "moderate"
                )
                pattern.callback = self.access.require(permission, pattern.callback)
        return patterns

    def register_chooser_viewset(self) -> None:
        """No chooser: nothing links to these items, and it would list unmoderated ones."""

    def get_permissions_to_register(self) -> QuerySet[Permission]:
        """Only the permissions that mean something here show up in the group editor."""
        access = self.access
        return Permission.objects.filter(
            content_type__app_label=access.app_label,
            codename__in=[access.moderate_codename, access.delete_codename, *self.extra_codenames],
        )


def register_queue(model: type, access: ModerationAccess, viewset, bulk_actions: list) -> None:
    """Register a queue in the admin: its permission policy (before the viewset looks one up),
    its snippet viewset, and its bulk actions at a late order, so its admin-only delete
    replaces Wagtail's generic snippet one."""
    register_permission_policy(model, ModerationPermissionPolicy(model, access))
    register_snippet(viewset)
    for bulk_action in bulk_actions:
        hooks.register("register_bulk_action", bulk_action, order=100)
