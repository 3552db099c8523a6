"""Who may do what with comments in the admin.

Moderating (seeing the queue, approving, rejecting, marking spam) needs the custom permission
``comments.moderate_comment``, which the Communications group gets by data migration and
superusers have implicitly. Replying as the hospital needs ``comments.reply_as_hospital``
(Communications by data migration; administrators can grant it to other groups). Deleting
needs ``comments.delete_comment`` (administrators only: a decision is kept, not erased).
Nobody creates comments in the admin; readers write them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.permission_policies.base import BaseDjangoAuthPermissionPolicy

MODERATE_PERMISSION = "comments.moderate_comment"
DELETE_PERMISSION = "comments.delete_comment"
REPLY_PERMISSION = "comments.reply_as_hospital"
_MODERATION_ACTIONS = {"change", "view", "moderate"}


def _permission_for(action: str) -> str | None:
    if action == "delete":
        return DELETE_PERMISSION
    if action in _MODERATION_ACTIONS:
        return MODERATE_PERMISSION
    return None  # add, copy, publish, lock…: not offered to anyone


def can_moderate(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


def refuse(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A plain 403 page. Wagtail would redirect to the dashboard instead; here a refusal is
    explicit, so an author or reviewer knows the queue exists and who looks after it."""
    return TemplateResponse(
        request, "comments/admin/forbidden.html", {"reason": reason}, status=403
    )


def require_permission(permission: str, view: Callable) -> Callable:
    """Wrap an admin view so users without ``permission`` get :func:`refuse`."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(permission):
            return refuse(request)
        return view(request, *args, **kwargs)

    return guarded


class CommentPermissionPolicy(BaseDjangoAuthPermissionPolicy):
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


def can_reply_as_hospital(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm(REPLY_PERMISSION)
