"""Signals: queue outgoing mentions on publication; refresh cached story pages when what
readers see of a story's mentions changes."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published

from mentions.models import ReceivedMention, page_accepts_webmentions
from mentions.sending import queue_for_page
from pagecache.events import page_changed
from pagecache.generation import bump_now_and_on_commit


def story_changed(page_id: int) -> None:
    """Bump the page cache's content generation (and purge the story from the CDN)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        bump_now_and_on_commit()
    else:
        page_changed(page)


def _on_saved(sender, instance: ReceivedMention, **kwargs) -> None:
    # Shown now, or shown until this save: either way the story's cached copies are stale.
    if instance.status == ReceivedMention.Status.APPROVED or instance.was_public:
        story_changed(instance.page_id)
    instance._loaded_status = instance.status


def _on_deleted(sender, instance: ReceivedMention, **kwargs) -> None:
    if instance.status == ReceivedMention.Status.APPROVED:
        story_changed(instance.page_id)


def _on_published(sender, instance: Page, **kwargs) -> None:
    if page_accepts_webmentions(instance):
        queue_for_page(instance)


def connect() -> None:
    post_save.connect(_on_saved, sender=ReceivedMention, dispatch_uid="mentions_saved")
    post_delete.connect(_on_deleted, sender=ReceivedMention, dispatch_uid="mentions_deleted")
    page_published.connect(_on_published, dispatch_uid="mentions_published")
