"""The hospital answers: official replies under readers' comments, pre-screened like them.

Everything goes through the admin over HTTP as the role users: Communications reply from the
moderation screen; a flagged reply is held until someone else with the reply permission
approves it; authors and reviewers are refused.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from comments.models import Comment
from tests.comments_support import add_comment, assert_only_safe_markup
from tests.conftest import make_user
from tests.moderation_support import COMMENTS, groups_holding

pytestmark = pytest.mark.django_db

QUEUE = COMMENTS.url
CLEAN = "Thank you for your kind words about ward 7; we have passed them on to the team."
FLAGGED = "Sorry to hear this. Please call us on 020 7946 0958 so we can look into it."


edit_url = COMMENTS.edit_url


def reply_url(comment: Comment) -> str:
    return f"{QUEUE}reply/{comment.pk}/"


def logged(comment: Comment) -> list[str]:
    entries = ModelLogEntry.objects.filter(object_id=str(comment.pk)).order_by("timestamp", "pk")
    return list(entries.values_list("action", flat=True))


def replies_on_page(story) -> list:
    soup = BeautifulSoup(Client().get(story.url).content, "html.parser")
    return soup.select(".comment-replies .comment--hospital")


@pytest.fixture
def second_comms(db):
    return make_user("comms2", "Communications", first_name="Priya", last_name="Shah")


@pytest.fixture
def comment(story) -> Comment:
    return add_comment(story, "The night nurses on ward 7 were wonderful.", name="Sam")


def test_communications_hold_the_reply_permission_and_no_other_group_does():
    assert groups_holding("reply_as_hospital", "comments") == ["Communications"]


@pytest.mark.parametrize("role", ["author", "reviewer"])
def test_authors_and_reviewers_cannot_reply(request, client_for, comment, role):
    client = client_for(request.getfixturevalue(role))
    assert client.get(reply_url(comment)).status_code == 403
    assert client.post(reply_url(comment), {"body": CLEAN}).status_code == 403
    assert not Comment.objects.filter(reply_to=comment).exists()


def test_a_clean_reply_is_published_at_once_marked_as_the_hospitals(
    client_for, story, comment, comms
):
    client = client_for(comms)
    edit_page = client.get(edit_url(comment)).content.decode()
    assert f'href="{reply_url(comment)}"' in edit_page
    assert "Reply as the hospital" in edit_page
    assert client.get(reply_url(comment)).status_code == 200

    response = client.post(reply_url(comment), {"body": CLEAN}, follow=True)
    assert "Your reply is published under the comment." in response.content.decode()
    reply = Comment.objects.get(reply_to=comment)
    assert (reply.status, reply.written_by, reply.page_id) == ("approved", comms, story.pk)
    assert logged(reply) == ["comments.reply"]

    [shown] = replies_on_page(story)
    assert shown["id"] == f"comment-{reply.pk}"
    assert shown.find_parent("li", id=f"comment-{comment.pk}") is not None  # under the comment
    label = shown.select_one(".comment__author--hospital")
    assert label.get_text(" ", strip=True) == "The hospital's reply to Sam"  # read aloud
    assert shown.select_one("article")["aria-labelledby"] == label["id"]
    assert "Official response" in shown.get_text()
    assert CLEAN in shown.get_text()
    page = Client().get(story.url).content.decode()
    assert "1 comment" in page and "2 comments" not in page  # replies are not counted

    for feed in (f"/en/comments/{story.pk}/feed/atom/", "/en/comments/feed/atom/"):
        xml = Client().get(feed).content.decode()
        assert "The hospital's reply to Sam on “A long night on ward 7”" in xml, feed
        assert "<name>Clinic Stories (official response)</name>" in xml
        assert "passed them on to the team" in xml
    rss = Client().get(f"/en/comments/{story.pk}/feed/rss/").content.decode()
    assert "The hospital's reply to Sam" in rss


def test_a_flagged_reply_is_held_and_needs_a_second_person(
    client_for, story, comment, comms, second_comms
):
    client = client_for(comms)
    response = client.post(reply_url(comment), {"body": FLAGGED}, follow=True)
    assert "It is held" in response.content.decode()
    reply = Comment.objects.get(reply_to=comment)
    assert reply.status == "pending" and reply.flagged_identifiers == ["phone"]
    assert replies_on_page(story) == []
    assert "020 7946 0958" not in Client().get("/en/comments/feed/rss/").content.decode()

    # Its writer cannot approve it, from the edit screen or the bulk action.
    refused = client.post(edit_url(reply), {"status": "approved", "rejection_reason": ""})
    assert refused.status_code == 403
    assert "a colleague who may reply as the hospital has to approve it" in refused.content.decode()
    client.post(COMMENTS.bulk_url("approve", reply))
    reply.refresh_from_db()
    assert reply.status == "pending"
    assert logged(reply) == [
        "comments.reply_held",
        "comments.reply_approval_refused",
        "comments.reply_approval_refused",
    ]

    colleague = client_for(second_comms)
    review = colleague.get(edit_url(reply)).content.decode()
    assert "someone other than its writer" in review
    approved = colleague.post(edit_url(reply), {"status": "approved", "rejection_reason": ""})
    assert approved.status_code == 302
    reply.refresh_from_db()
    assert (reply.status, reply.moderated_by) == ("approved", second_comms)
    assert logged(reply)[-1] == "comments.approve"
    [shown] = replies_on_page(story)
    assert "020 7946 0958" in shown.get_text()


def test_a_moderator_without_the_reply_permission_cannot_approve_a_held_reply(
    client_for, comment, comms
):
    moderators = Group.objects.create(name="Moderators only")
    moderators.permissions.add(
        Permission.objects.get(codename="moderate_comment"),
        Permission.objects.get(codename="access_admin"),
    )
    moderator = make_user("moderator", "Moderators only")
    client_for(comms).post(reply_url(comment), {"body": FLAGGED})
    reply = Comment.objects.get(reply_to=comment)
    client = client_for(moderator)
    assert client.get(reply_url(comment)).status_code == 403
    refused = client.post(edit_url(reply), {"status": "approved", "rejection_reason": ""})
    assert refused.status_code == 403
    reply.refresh_from_db()
    assert reply.status == "pending"


def test_an_administrator_can_authorise_another_group_to_reply(client_for, comment, reviewer):
    Group.objects.get(name="Clinical reviewers").permissions.add(
        Permission.objects.get(codename="reply_as_hospital")
    )
    response = client_for(reviewer).post(reply_url(comment), {"body": CLEAN})
    assert response.status_code == 302
    assert Comment.objects.get(reply_to=comment).status == "approved"


def test_only_an_approved_readers_comment_gets_a_reply(client_for, story, comms):
    pending = add_comment(story, "Waiting for a moderator.", status="pending")
    client = client_for(comms)
    response = client.post(reply_url(pending), {"body": CLEAN}, follow=True)
    assert "approved comment can get the hospital" in response.content.decode()
    assert f'href="{reply_url(pending)}"' not in client.get(edit_url(pending)).content.decode()
    approved = add_comment(story, "Thank you.")
    client.post(reply_url(approved), {"body": CLEAN})
    reply = Comment.objects.get(reply_to=approved)
    client.post(reply_url(reply), {"body": CLEAN})  # no reply to a reply
    assert Comment.objects.filter(reply_to=reply).count() == 0
    assert client.post(reply_url(approved), {"body": " \n "}).status_code == 200  # form error
    assert Comment.objects.filter(reply_to=approved).count() == 1


def test_a_reply_never_shows_markup(client_for, story, comment, comms):
    body = '<script>alert("x")</script> <b onclick="steal()">Thanks</b> https://example.org/help'
    client_for(comms).post(reply_url(comment), {"body": body})
    [shown] = replies_on_page(story)
    assert_only_safe_markup(shown.select_one(".comment__body"))
    assert '<script>alert("x")</script>' in shown.select_one(".comment__body").get_text()
    page = Client().get(story.url).content.decode()
    assert "<script>alert" not in page and "<b onclick" not in page
    xml = Client().get(f"/en/comments/{story.pk}/feed/rss/").content.decode()
    assert "<script>alert" not in xml and "<b onclick" not in xml
    assert "&amp;lt;b onclick" in xml  # escaped text inside the HTML description


def test_a_rejected_comment_takes_its_reply_off_the_page_and_feeds(
    client_for, story, comment, comms
):
    client = client_for(comms)
    client.post(reply_url(comment), {"body": CLEAN})
    client.post(edit_url(comment), {"status": "rejected", "rejection_reason": "off_topic"})
    assert replies_on_page(story) == []
    assert "passed them on" not in Client().get("/en/comments/feed/rss/").content.decode()


def test_replies_cost_no_extra_query_on_the_story_page(client_for, story, comms):
    first = add_comment(story, "First comment.")
    client = client_for(comms)

    def story_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert Client().get(story.url).status_code == 200
        return len(queries)

    story_queries()  # the first request fills per-process caches (site, locales)
    without_replies = story_queries()
    client.post(reply_url(first), {"body": CLEAN})
    for number in range(3):
        other = add_comment(story, f"Comment number {number}.")
        client.post(reply_url(other), {"body": f"Thank you, reader {number}."})
    assert len(replies_on_page(story)) == 4
    assert story_queries() == without_replies


def test_publishing_and_approving_a_reply_refresh_the_cached_page(
    settings, client_for, story, comment, comms, second_comms
):
    settings.PAGECACHE_ENABLED = True
    cache.clear()
    Client().get(story.url)
    assert Client().get(story.url)["X-Page-Cache"] == "hit"
    client_for(comms).post(reply_url(comment), {"body": CLEAN})
    assert CLEAN in Client().get(story.url).content.decode()

    client_for(comms).post(reply_url(comment), {"body": FLAGGED})
    Client().get(story.url)
    assert Client().get(story.url)["X-Page-Cache"] == "hit"
    held = Comment.objects.get(reply_to=comment, status="pending")
    client_for(second_comms).post(edit_url(held), {"status": "approved", "rejection_reason": ""})
    assert "020 7946 0958" in Client().get(story.url).content.decode()
    cache.clear()


def test_the_reply_label_speaks_spanish_on_spanish_pages(client_for, story, comms, spanish):
    from tests.blog_factories import translate

    traduccion = translate(story, spanish, title="Una larga noche en la planta 7")
    comentario = add_comment(traduccion, "Gracias a las enfermeras.", name="Lucía")
    client_for(comms).post(reply_url(comentario), {"body": "Gracias, se lo hemos dicho."})
    [shown] = replies_on_page(traduccion)
    label = shown.select_one(".comment__author--hospital").get_text(" ", strip=True)
    assert label == "La respuesta del hospital a Lucía"
    assert "Respuesta oficial" in shown.get_text()


def test_administrators_see_the_reply_permission_in_the_group_editor(client_for, admin_user):
    group = Group.objects.get(name="Clinical reviewers")
    html = client_for(admin_user).get(f"/admin/groups/edit/{group.pk}/").content.decode()
    permission = Permission.objects.get(codename="reply_as_hospital")
    assert f'value="{permission.pk}"' in html
