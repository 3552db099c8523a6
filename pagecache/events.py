"""Everything that changes what readers see, connected to the page cache and the CDN purge.

Pages: publish (also scheduled, translation and policy-version publishing), unpublish (also the
consent take-down), move, delete, a privacy change, and any other save of a live page; every
``migrate`` (a new release's templates and code). Comments: approval and
every moderation decision. Search promotions. Site-wide: images, tags, locales and sites.
Each event bumps the content generation (``pagecache.generation``) and, when a CDN is
configured, purges the addresses it affects (``pagecache.purge``).
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from blog.topics import Topic
from comments.models import Comment
from pagecache import purge
from pagecache.generation import bump, bump_now_and_on_commit

# Fields Wagtail saves on a live page when a draft revision is made, locked or commented on:
# readers see none of them.
DRAFT_BOOKKEEPING = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)
SITE_WIDE = (AbstractImage, Tag, Topic, Locale, Site)


def page_changed(page: Page) -> None:
    bump_now_and_on_commit()
    if purge.enabled():
        purge.purge_on_commit(purge.page_urls(page))


def _on_publication(sender, instance: Page, **kwargs) -> None:
    page_changed(instance)


def _before_move(sender, instance: Page, **kwargs) -> None:
    # Where the page was: its old address and its old listing.
    if purge.enabled():
        purge.purge_on_commit(purge.page_urls(instance))


def _page_saved_publicly(page: Page, update_fields) -> bool:
    if not page.live and not (update_fields and "live" in update_fields):
        return False
    return update_fields is None or not set(update_fields) <= DRAFT_BOOKKEEPING


def _comment_is_public_change(comment: Comment, update_fields) -> bool:
    """Approved comments show; a status change may hide one. New pending ones change nothing."""
    was_moderated = update_fields is not None and "status" in update_fields
    return comment.status == Comment.Status.APPROVED or was_moderated


def _on_save(sender, instance, update_fields=None, **kwargs) -> None:
    if isinstance(instance, Page):
        if _page_saved_publicly(instance, update_fields):
            page_changed(instance)
    elif isinstance(instance, Comment):
        if _comment_is_public_change(instance, update_fields):
            page = _comment_page(instance)
            if page is not None:
                page_changed(page)
    elif isinstance(instance, PageViewRestriction):
        # Made private (or public again): no reader may get the copy cached before. During a
        # page's deletion its restrictions go first: the page may already be gone.
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is None:
            bump_now_and_on_commit()
        else:
            page_changed(page)
    elif isinstance(instance, SearchPromotion):
        bump_now_and_on_commit()
        if purge.enabled() and instance.query_id:
            purge.purge_on_commit(purge.search_urls(instance.query.query_string))
    elif isinstance(instance, SITE_WIDE):
        bump_now_and_on_commit()


def _comment_page(comment: Comment) -> Page | None:
    # During a page's deletion its comments go first: the page may already be gone.
    return Page.objects.filter(pk=comment.page_id).first()


def _before_delete(sender, instance, **kwargs) -> None:
    # The addresses are worked out while the page and its tags still exist.
    if isinstance(instance, Page) and sender is instance.specific_class and purge.enabled():
        purge.purge_on_commit(purge.page_urls(instance))


def _on_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        bump_now_and_on_commit()
    elif isinstance(instance, Comment):
        if instance.status == Comment.Status.APPROVED:
            page = _comment_page(instance)
            if page is None:
                bump_now_and_on_commit()
            else:
                page_changed(page)
    else:
        _on_save(sender, instance, **kwargs)


def _after_migrate(sender, app_config, **kwargs) -> None:
    # A release runs ``migrate`` once: pages rendered by the previous code must not outlive it.
    if app_config.label == "wagtailcore":
        bump()


def connect() -> None:
    page_published.connect(_on_publication, dispatch_uid="pagecache_published")
    page_unpublished.connect(_on_publication, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(_on_publication, dispatch_uid="pagecache_moved")
    pre_page_move.connect(_before_move, dispatch_uid="pagecache_moving")
    post_save.connect(_on_save, dispatch_uid="pagecache_saved")
    pre_delete.connect(_before_delete, dispatch_uid="pagecache_deleting")
    post_delete.connect(_on_delete, dispatch_uid="pagecache_deleted")
    post_migrate.connect(_after_migrate, dispatch_uid="pagecache_migrated")
