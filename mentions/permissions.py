"""Who may moderate mentions: ``mentions.moderate_mention`` (Communications, by data migration;
superusers implicitly). Deleting needs ``mentions.delete_mention`` (administrators only)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.permission_policies.base import BaseDjangoAuthPermissionPolicy

MODERATE_PERMISSION = "mentions.moderate_mention"
DELETE_PERMISSION = "mentions.delete_mention"
_MODERATION_ACTIONS = {"change", "view", "moderate"}


def _permission_for(action: str) -> str | None:
    if action == "delete":
        return DELETE_PERMISSION
    if action in _MODERATION_ACTIONS:
        return MODERATE_PERMISSION
    return None  # add, copy…: other sites send mentions, nobody writes them in the admin


def can_moderate(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


def refuse(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """An explicit 403 page rather than Wagtail's redirect to the dashboard."""
    return TemplateResponse(request, "mentions/admin/forbidden.html", status=403)


def require_permission(permission: str, view: Callable) -> Callable:
    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(permission):
            return refuse(request)
        return view(request, *args, **kwargs)

    return guarded


class MentionPermissionPolicy(BaseDjangoAuthPermissionPolicy):
    def user_has_permission(self, user: AbstractBaseUser, action: str) -> bool:
        permission = _permission_for(action)
        return permission is not None and user.has_perm(permission)

    def users_with_any_permission(self, actions) -> QuerySet:
        codenames = {
            permission.split(".", 1)[1]
            for action in actions
            if (permission := _permission_for(action))
        }
        return self._get_users_with_any_permission_codenames(codenames)
