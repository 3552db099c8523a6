"""RSS 2.0 and Atom feeds of approved comments: per story, and site-wide in the reader's language.

Feeds are public, so they show exactly what the page shows: approved comments and the
hospital's approved replies to them, no emails.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from comments.models import Comment
from comments.rendering import format_comment_body, strip_control_characters
from comments.views import commentable_page

FEED_LENGTH = 50


class _CommentItems:
    """What every comment feed says about one comment."""

    def item_title(self, comment: Comment) -> str:
        if comment.reply_to_id:
            title = _("The hospital's reply to %(name)s on “%(title)s”") % {
                "name": comment.reply_to.name,
                "title": comment.page.title,
            }
        else:
            title = _("%(name)s on “%(title)s”") % {
                "name": comment.name,
                "title": comment.page.title,
            }
        return strip_control_characters(title)

    def item_description(self, comment: Comment) -> str:
        # Feed readers treat descriptions as HTML: send the escaped, linked rendering.
        return format_comment_body(strip_control_characters(comment.body))

    def item_link(self, comment: Comment) -> str:
        return f"{comment.page.get_url()}#{comment.anchor}"

    def item_author_name(self, comment: Comment) -> str:
        if comment.reply_to_id:
            return _("%(site)s (official response)") % {"site": comment.name}
        return strip_control_characters(comment.name)

    def item_pubdate(self, comment: Comment):
        return comment.created_at

    def item_guid(self, comment: Comment) -> str:
        return f"comment-{comment.pk}"

    item_guid_is_permalink = False


def _published_comments() -> QuerySet[Comment]:
    return (
        Comment.objects.publicly_visible()
        .select_related("page", "page__locale", "reply_to")
        .order_by("-created_at", "-pk")
    )


class StoryCommentsFeed(_CommentItems, Feed):
    """Approved comments on one story or video, newest first."""

    def get_object(self, request: HttpRequest, page_id: int) -> Page:
        return commentable_page(page_id)

    def title(self, page: Page) -> str:
        return _("Comments on “%(title)s”") % {"title": page.title}

    def link(self, page: Page) -> str:
        return f"{page.get_url()}#comments"

    def description(self, page: Page) -> str:
        return _("Readers' comments, published after review by our Communications team.")

    def feed_url(self, page: Page) -> str:
        return reverse("comments:story_feed_rss", args=[page.pk])

    def items(self, page: Page) -> QuerySet[Comment]:
        return _published_comments().filter(page=page)[:FEED_LENGTH]


class StoryCommentsAtomFeed(StoryCommentsFeed):
    feed_type = Atom1Feed

    def subtitle(self, page: Page) -> str:
        return self.description(page)

    def feed_url(self, page: Page) -> str:
        return reverse("comments:story_feed_atom", args=[page.pk])


class LatestCommentsFeed(_CommentItems, Feed):
    """The newest approved comments on live, public pages in the reader's language."""

    def title(self) -> str:
        return _("Latest comments · Clinic Stories")

    def link(self) -> str:
        return f"/{get_language()}/"

    def description(self) -> str:
        return _("Readers' comments on our stories, published after review.")

    def feed_url(self) -> str:
        return reverse("comments:latest_feed_rss")

    def items(self) -> QuerySet[Comment]:
        visible_pages = Page.objects.live().public().filter(locale__language_code=get_language())
        return _published_comments().filter(page__in=visible_pages)[:FEED_LENGTH]


class LatestCommentsAtomFeed(LatestCommentsFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()

    def feed_url(self) -> str:
        return reverse("comments:latest_feed_atom")
