"""Model signal receivers of the workflow app (connected in ``WorkflowConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from wagtail.models import Page, get_page_models

from workflow.runs import restart_review_after_edit


def restart_review_on_new_revision(
    sender: type, instance: Any, update_fields: frozenset[str] | None = None, **kwargs: Any
) -> None:
    """After ``save_revision`` points a page at a new latest revision, restart its review.

    The page row's save (with ``latest_revision`` in ``update_fields``) is the moment the new
    revision is in place, so the restarted stage reviews exactly that revision.
    """
    if kwargs.get("raw") or not update_fields or "latest_revision" not in update_fields:
        return
    if isinstance(instance, Page) and instance.latest_revision_id:
        restart_review_after_edit(instance.latest_revision)


def connect_model_signals() -> None:
    """Listen to the saves of page rows only: one connection per page type (a subclass's save
    is sent with the subclass as sender), not to every model's save."""
    for model in get_page_models():
        post_save.connect(
            restart_review_on_new_revision,
            sender=model,
            dispatch_uid=f"workflow_restart_review_on_edit:{model._meta.label}",
        )
