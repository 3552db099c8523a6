"""What the queues' snippet viewsets share: no copy, inspect or chooser views, every view behind
the queue's permission, only the meaningful permissions in the group editor, a listing with each
item's story, the status filter and columns, and an edit view that records a decision and whose
message says what was decided."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView

from moderation.permissions import ModerationAccess, ModerationPermissionPolicy


def status_filter(choices: list[tuple[str, str]]) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        label=_("Status"), choices=choices, empty_label=_("Any status")
    )


def status_column(awaiting: str) -> StatusTagColumn:
    """The item's status, in bold while it awaits a decision (status ``awaiting``)."""
    return StatusTagColumn(
        "get_status_display",
        label=_("Status"),
        primary=lambda item: item.status == awaiting,
        sort_key="status",
    )


def story_column() -> Column:
    """The title of the page the item is about."""
    return Column("page", label=_("Story"), accessor="page.title")


def decision_panels(heading: str, template: str, form_class: type, *fields: str) -> ObjectList:
    """The edit view's form: the item as the moderator reads it (``template``), the status as
    radio buttons, then ``fields``."""
    return ObjectList(
        [
            HelpPanel(heading=heading, template=template),
            FieldPanel("status", widget=forms.RadioSelect),
            *[FieldPanel(name) for name in fields],
        ],
        base_form_class=form_class,
    )


class ModerationIndexView(IndexView):
    """The queue's listing, with each item's page in the same query (for ``story_column``)."""

    def get_base_queryset(self) -> QuerySet:
        return super().get_base_queryset().select_related("page")


class DecisionEditViewMixin:
    """For a queue's edit view, where saving records a decision (``record_decision``, the
    queue's own moderation: logged, notified) instead of a plain edit; the message says which.

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

    def record_decision(self, data: dict[str, Any]) -> None:
        """Apply the form's decision (``data``: its cleaned data) to ``self.object``."""
        raise NotImplementedError

    def save_instance(self) -> Model:
        self.record_decision(self.form.cleaned_data)
        self.object.refresh_from_db()
        return self.object


class ModerationViewSetMixin:
    access: ModerationAccess
    # Further permissions of the queue shown in the group editor (e.g. replying as the hospital).
    extra_codenames: tuple[str, ...] = ()
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    index_view_class = ModerationIndexView

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
