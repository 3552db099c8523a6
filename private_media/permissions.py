"""Collection permissions that stop at a private collection.

Wagtail lets a permission granted on a collection reach every collection below it, so the
editorial groups' grants on Root would reach the private "Consent forms" collection too.
Here a grant on a public collection covers only the public collections under it; a private
collection (one with a privacy setting, or under one) is covered only by grants made on it or
on a private collection above it. The grants on "Consent forms" are made by the migration
``private_media/0003``. Administrators (superusers) keep every permission.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy


def private_collection_paths() -> list[str]:
    """Tree paths of the collections that carry a privacy setting (their subtrees are private)."""
    return list(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True).distinct()
    )


def path_is_private(path: str, private_paths: list[str]) -> bool:
    return any(path.startswith(private) for private in private_paths)


def private_collections_filter(private_paths: list[str]) -> Q:
    """A filter for Collection rows that are private (empty when nothing is)."""
    condition = Q(pk__in=[])
    for path in private_paths:
        condition |= Q(path__startswith=path)
    return condition


class PrivacyAwareCollectionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection ownership policy, with grants that do not cross into privacy."""

    def _check_perm(self, user, actions, collection=None) -> bool:
        if collection is None or not (user.is_active and user.is_authenticated):
            return super()._check_perm(user, actions, collection)
        if user.is_superuser:
            return True
        private_paths = private_collection_paths()
        target_private = path_is_private(collection.path, private_paths)
        for grant in self._get_user_permission_objects_for_actions(user, actions):
            granted = grant.collection
            covers = collection.pk == granted.pk or collection.is_descendant_of(granted)
            if covers and (not target_private or path_is_private(granted.path, private_paths)):
                return True
        return False

    def _collections_with_perm(self, user, actions) -> QuerySet[Collection]:
        private_paths = private_collection_paths()
        private = private_collections_filter(private_paths)
        collections = Collection.objects.none()
        for grant in self._get_user_permission_objects_for_actions(user, actions):
            covered = Collection.objects.descendant_of(grant.collection, inclusive=True)
            if not path_is_private(grant.collection.path, private_paths):
                covered = covered.exclude(private)
            collections |= covered
        return collections

    def _users_with_perm_filter(self, actions, collection=None) -> Q:
        if collection is None:
            return super()._users_with_perm_filter(actions, collection)
        private_paths = private_collection_paths()
        if not path_is_private(collection.path, private_paths):
            return super()._users_with_perm_filter(actions, collection)
        # Only grants made on private collections above (or at) this one count.
        granting = collection.get_ancestors(inclusive=True).filter(
            private_collections_filter(private_paths)
        )
        return Q(is_active=True) & (
            Q(is_superuser=True)
            | Q(
                groups__collection_permissions__permission__in=(
                    self._get_permission_objects_for_actions(actions)
                ),
                groups__collection_permissions__collection__in=granting,
            )
        )


def register_policies() -> None:
    """Use the policy for the site's documents and images (called from ``AppConfig.ready``).

    Registered for the exact model classes, so they win over the policies Wagtail's own apps
    register for the same models whatever the order the apps load in.
    """
    for model, auth_model in [
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ]:
        policy = PrivacyAwareCollectionPolicy(
            model, auth_model=auth_model, owner_field_name="uploaded_by_user"
        )
        register_permission_policy(model, policy, exact_class=True)
