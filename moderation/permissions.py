"""Who may work a moderation queue: ``<app>.moderate_<model>`` to see it and decide (granted
to Communications by data migration; superusers implicitly), ``<app>.delete_<model>`` to delete
(administrators only: a decision is kept, not erased). Nobody adds items in the admin: readers
write comments and other sites send mentions. Anyone else gets an explicit 403 page that names
the queue (:func:`clinic_site.admin_access.refuse`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from wagtail.permission_policies.base import BaseDjangoAuthPermissionPolicy

from clinic_site import admin_access

MODERATION_ACTIONS = {"change", "view", "moderate"}


class ModerationAccess:
    """One queue's permissions and the refusal page that explains it."""

    def __init__(
        self, app_label: str, model_name: str, *, title: str, explanation: str, icon: str
    ) -> None:
        self.app_label = app_label
        self.moderate_codename = f"moderate_{model_name}"
        self.delete_codename = f"delete_{model_name}"
        self.moderate_permission = f"{app_label}.{self.moderate_codename}"
        self.delete_permission = f"{app_label}.{self.delete_codename}"
        self.title = title
        self.explanation = explanation
        self.icon = icon

    def permission_for(self, action: str) -> str | None:
        if action == "delete":
            return self.delete_permission
        if action in MODERATION_ACTIONS:
            return self.moderate_permission
        return None  # add, copy, publish, lock…: not offered to anyone

    def can_moderate(self, user: AbstractBaseUser) -> bool:
        return user.is_authenticated and user.has_perm(self.moderate_permission)

    def refuse(self, request: HttpRequest, reason: str = "", *args, **kwargs) -> HttpResponse:
        """The queue's 403 page; ``reason`` replaces the general explanation when given."""
        return admin_access.refuse(request, self.title, reason or self.explanation, self.icon)

    def require(self, permission: str, view: Callable) -> Callable:
        return admin_access.require_permission(permission, view, self.refuse)


class ModerationPermissionPolicy(BaseDjangoAuthPermissionPolicy):
    """Wagtail's permission policy for a queue's snippet views (see ``ModerationAccess``)."""

    def __init__(self, model: type, access: ModerationAccess) -> None:
        super().__init__(model)
        self.access = access

    def user_has_permission(self, user: AbstractBaseUser, action: str) -> bool:
        permission = self.access.permission_for(action)
        return permission is not None and user.has_perm(permission)

    def users_with_any_permission(self, actions) -> QuerySet:
        codenames = {
            permission.split(".", 1)[1]
            for action in actions
            if (permission := self.access.permission_for(action))
        }
        return self._get_users_with_any_permission_codenames(codenames)
