"""What the public sees: approved comments only, in order, counted, escaped, and in feeds."""

from __future__ import annotations

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from comments.queries import approved_counts
from tests.blog_factories import make_story, story_index
from tests.comments_support import add_comment, assert_only_safe_markup

pytestmark = pytest.mark.django_db

# A whole story page, whatever its number of comments. Measured: 17 queries with 1 or 201
# comments, of which two are the comments app's (the count in the header, the comment list).
STORY_PAGE_QUERY_BOUND = 25


def comments_section(response):
    return BeautifulSoup(response.content, "html.parser").find(id="comments")


def test_only_approved_comments_appear_oldest_first_with_permalinks(client, story):
    now = timezone.now()
    second = add_comment(story, "Second thought.", created_at=now - datetime.timedelta(hours=1))
    first = add_comment(story, "First thought.", created_at=now - datetime.timedelta(hours=2))
    for status in ("pending", "rejected", "spam"):
        add_comment(story, f"Hidden {status} comment.", status=status)

    section = comments_section(client.get(story.url))

    items = section.select("li.comment")
    assert [item["id"] for item in items] == [f"comment-{first.pk}", f"comment-{second.pk}"]
    assert items[0].find("a", class_="comment__permalink")["href"] == f"#comment-{first.pk}"
    assert "Hidden" not in section.get_text()
    assert section.find("h2").get_text(strip=True) == "2 comments"


def test_a_story_without_comments_says_so(client, story):
    section = comments_section(client.get(story.url))
    assert section.find("h2").get_text(strip=True) == "0 comments"
    assert "No comments yet." in section.get_text()


def test_the_count_shows_in_the_story_header(client, story):
    add_comment(story)
    add_comment(story, status="pending")
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    header_count = soup.find("main").find("a", class_="comment-count")
    assert header_count.get_text(strip=True) == "1 comment"
    assert header_count["href"].endswith("#comments")


def test_the_count_shows_in_the_story_listing(client, story, home_page):
    quiet = make_story(story_index(home_page), "A quiet morning")
    add_comment(story)
    add_comment(story)
    add_comment(quiet, status="pending")
    soup = BeautifulSoup(client.get(story_index(home_page).url).content, "html.parser")
    counts = {
        link["href"].split("#")[0]: link.get_text(strip=True)
        for link in soup.find_all("a", class_="comment-count")
    }
    assert counts == {story.url: "2 comments", quiet.url: "0 comments"}


def test_approved_counts_for_a_listing_take_one_query(story, video, django_assert_num_queries):
    add_comment(story)
    add_comment(story)
    add_comment(video, status="pending")
    with django_assert_num_queries(1):
        assert approved_counts([story, video]) == {story.pk: 2, video.pk: 0}


def test_listing_tags_render_counts_from_one_lookup(story, video):
    add_comment(video)
    template = Template(
        "{% load comment_tags %}{% approved_comment_counts pages as counts %}"
        "{% for p in pages %}{% comment_count p counts=counts %}|{% endfor %}"
    )
    html = template.render(Context({"pages": [story, video]}))
    assert "0 comments</a>|" in html
    assert "1 comment</a>|" in html


def test_the_commenters_email_is_never_shown(client, story):
    add_comment(story, email="kim@example.org", notify_on_approval=True)
    assert b"kim@example.org" not in client.get(story.url).content
    assert b"kim@example.org" not in client.get(f"/en/comments/{story.pk}/feed/rss/").content


def test_html_and_script_in_comments_render_escaped(client, story):
    add_comment(story, '<script>alert("x")</script> <img src=x onerror=alert(1)> see https://e.org')
    add_comment(story, "ok", name="<b onmouseover=alert(1)>Bob</b>")
    section = comments_section(client.get(story.url))
    for body in section.select(".comment__body"):
        assert_only_safe_markup(body)
    assert '<script>alert("x")</script>' in section.get_text()
    assert section.find("a", href="https://e.org")["rel"] == ["nofollow", "ugc", "noopener"]
    assert section.select(".comment__author")[1].get_text() == "<b onmouseover=alert(1)>Bob</b>"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_story_feeds_carry_approved_comments_only(client, story, kind):
    shown = add_comment(story, "Published comment.")
    add_comment(story, "Waiting comment.", status="pending")
    add_comment(story, "Spam comment.", status="spam")

    response = client.get(f"/en/comments/{story.pk}/feed/{kind}/")

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [entry.summary for entry in feed.entries] == ["<p>Published comment.</p>"]
    assert feed.entries[0].link == f"http://testserver{story.url}#comment-{shown.pk}"
    assert story.title in feed.feed.title


def test_story_feed_of_a_page_that_takes_no_comments_is_not_found(client, home_page):
    assert client.get(f"/en/comments/{home_page.pk}/feed/rss/").status_code == 404


def test_latest_comments_feed_is_in_the_readers_language(client, story, spanish, home_page):
    spanish_story = story.copy_for_translation(spanish, copy_parents=True)
    spanish_story.save_revision().publish()
    add_comment(story, "English comment.")
    add_comment(spanish_story, "Comentario en español.")
    add_comment(story, "Pending comment.", status="pending")
    withdrawn = make_story(story_index(home_page), "Withdrawn")
    add_comment(withdrawn, "On a withdrawn story.")
    withdrawn.unpublish()

    english = feedparser.parse(client.get("/en/comments/feed/rss/").content)
    spanish_feed = feedparser.parse(client.get("/es/comments/feed/atom/").content)

    assert [entry.summary for entry in english.entries] == ["<p>English comment.</p>"]
    assert [entry.summary for entry in spanish_feed.entries] == ["<p>Comentario en español.</p>"]
    assert spanish_feed.feed.language == "es"


def test_story_page_queries_stay_bounded_with_200_comments(
    client, story, django_assert_max_num_queries
):
    add_comment(story)
    client.get(story.url)  # warm the site-root and content-type caches
    with CaptureQueriesContext(connection) as one_comment:
        client.get(story.url)

    Comment.objects.bulk_create(
        Comment(page=story, name=f"Reader {n}", body=f"Comment {n}", status="approved")
        for n in range(200)
    )
    with django_assert_max_num_queries(STORY_PAGE_QUERY_BOUND):
        response = client.get(story.url)
    with CaptureQueriesContext(connection) as many_comments:
        client.get(story.url)

    assert len(comments_section(response).select("li.comment")) == 201
    assert len(many_comments) == len(one_comment)
