"""Public comment URLs, included inside the language prefix (/en/comments/…, /es/comments/…)."""

from django.urls import path

from comments import feeds, views

app_name = "comments"

urlpatterns = [
    path("<int:page_id>/new/", views.new_comment, name="new"),
    path("<int:page_id>/post/", views.post_comment, name="post"),
    path("<int:page_id>/sent/", views.comment_sent, name="sent"),
    path("<int:page_id>/feed/rss/", feeds.StoryCommentsFeed(), name="story_feed_rss"),
    path("<int:page_id>/feed/atom/", feeds.StoryCommentsAtomFeed(), name="story_feed_atom"),
    path("feed/rss/", feeds.LatestCommentsFeed(), name="latest_feed_rss"),
    path("feed/atom/", feeds.LatestCommentsAtomFeed(), name="latest_feed_atom"),
]
