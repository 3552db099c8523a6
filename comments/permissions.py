"""Who may do what with comments in the admin.

Moderating (seeing the queue, approving, rejecting, marking spam) needs the custom permission
``comments.moderate_comment``, which the Communications group gets by data migration and
superusers have implicitly. Deleting needs ``comments.delete_comment`` (administrators only:
a decision is kept, not erased). Nobody creates comments in the admin; readers write them.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from wagtail.permission_policies.base import BaseDjangoAuthPermissionPolicy

MODERATE_PERMISSION = "comments.moderate_comment"
DELETE_PERMISSION = "comments.delete_comment"
_MODERATION_ACTIONS = {"change", "view", "moderate"}


def _permission_for(action: str) -> str | None:
    if action == "delete":
        return DELETE_PERMISSION
    if action in _MODERATION_ACTIONS:
        return MODERATE_PERMISSION
    return None  # add, copy, publish, lock…: not offered to anyone


def can_moderate(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


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
