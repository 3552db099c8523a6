"""Moderating mentions in the admin: Communications and administrators only, every decision in
the audit log; approved mentions show under the story, escaped, and the page cache follows."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from mentions.models import ReceivedMention
from tests.blog_factories import translate
from tests.moderation_support import MENTIONS, assert_refused_everywhere, groups_holding

pytestmark = pytest.mark.django_db

QUEUE = MENTIONS.url
Status = ReceivedMention.Status
HOSTILE_TITLE = 'Our <script>alert("x")</script> ward & <b>you</b>'


edit_url, bulk_url = MENTIONS.edit_url, MENTIONS.bulk_url


def add_mention(page, number: int = 1, status: str = Status.VERIFIED, **fields) -> ReceivedMention:
    verified = status in (Status.VERIFIED, Status.APPROVED)
    return ReceivedMention.objects.create(
        page=page,
        source=f"https://blog{number}.example/post",
        target=page.get_full_url(),
        status=status,
        source_host=f"blog{number}.example",
        source_title=fields.pop("source_title", f"Post {number}"),
        verified_at=timezone.now() if verified else None,
        **fields,
    )


def shown(story) -> BeautifulSoup | None:
    soup = BeautifulSoup(Client().get(story.url).content, "html.parser")
    return soup.find("section", class_="mentions")


def test_only_communications_holds_the_moderation_permission():
    assert groups_holding("moderate_mention", "mentions") == ["Communications"]


@pytest.mark.parametrize("role", ["author", "reviewer"])
def test_authors_and_reviewers_are_refused_every_moderation_view(request, client_for, story, role):
    mention = add_mention(story)
    client = client_for(request.getfixturevalue(role))
    assert_refused_everywhere(
        client,
        MENTIONS,
        mention,
        "Mentions are moderated by Communications",
        bulk_actions=("decline", "delete"),
        more_urls=(f"{QUEUE}add/",),
    )
    mention.refresh_from_db()
    assert mention.status == Status.VERIFIED
    assert shown(story) is None


def test_communications_approves_and_the_story_shows_it_escaped(client_for, comms, story):
    mention = add_mention(story, source_title=HOSTILE_TITLE)
    client = client_for(comms)
    queue = client.get(QUEUE)
    assert queue.status_code == 200
    assert "blog1.example" in queue.content.decode()
    assert shown(story) is None  # verified is not yet approved
    form = client.get(edit_url(mention)).content.decode()
    assert "Approve: show it under the story" in form
    assert "&lt;script&gt;" in form and "<script>alert" not in form

    response = client.post(edit_url(mention), {"status": "approved"})
    assert response.status_code == 302
    assert "Mention on blog1.example approved." in client.get(response["Location"]).content.decode()
    mention.refresh_from_db()
    assert (mention.status, mention.moderated_by) == (Status.APPROVED, comms)

    page = Client().get(story.url).content.decode()
    assert "<script>alert" not in page
    section = shown(story)
    item = section.find("li")
    assert item.get_text(" ", strip=True) == f"Mentioned on blog1.example: {HOSTILE_TITLE}"
    link = item.find("a")
    assert link["href"] == "https://blog1.example/post"
    assert link["rel"] == ["nofollow", "ugc"]
    assert [tag.name for tag in link.find_all(True)] == []  # the markup stayed text

    entry = ModelLogEntry.objects.get(action="mentions.approve")
    assert (entry.user, entry.object_id) == (comms, str(mention.pk))


def test_bulk_approve_skips_mentions_whose_link_was_not_found(client_for, admin_user, story):
    good = add_mention(story, 1)
    pending = add_mention(story, 2, status=Status.PENDING)
    rejected = add_mention(story, 3, status=Status.REJECTED, reason="too_large")
    client = client_for(admin_user)
    confirm = client.get(bulk_url("approve", good, pending, rejected))
    assert confirm.status_code == 200
    assert "This decision will apply to 3 mentions:" in confirm.content.decode()
    response = client.post(bulk_url("approve", good, pending, rejected), follow=True)
    assert "cannot be approved" in response.content.decode()
    statuses = dict(ReceivedMention.objects.values_list("pk", "status"))
    assert statuses == {
        good.pk: Status.APPROVED,
        pending.pk: Status.PENDING,
        rejected.pk: Status.REJECTED,
    }
    assert [li.a.get_text() for li in shown(story).find_all("li")] == ["Post 1"]


def test_declining_hides_an_approved_mention_and_is_logged(client_for, comms, story):
    first = add_mention(story, 1, status=Status.APPROVED)
    second = add_mention(story, 2, status=Status.APPROVED)
    client = client_for(comms)
    client.post(bulk_url("decline", first, second))
    assert shown(story) is None
    assert set(ReceivedMention.objects.values_list("status", "reason")) == {
        (Status.REJECTED, "declined")
    }
    assert ModelLogEntry.objects.filter(action="mentions.decline", user=comms).count() == 2


def test_the_cached_story_changes_when_a_mention_is_approved_or_declined(
    settings, client_for, comms, story
):
    settings.PAGECACHE_ENABLED = True
    mention = add_mention(story)
    Client().get(story.url)
    assert Client().get(story.url)["X-Page-Cache"] == "hit"

    client_for(comms).post(edit_url(mention), {"status": "approved"})
    response = Client().get(story.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Post 1" in response.content.decode()

    client_for(comms).post(edit_url(mention), {"status": "rejected"})
    assert "Post 1" not in Client().get(story.url).content.decode()


def test_the_story_loads_all_its_mentions_in_one_query(story):
    add_mention(story, 1, status=Status.APPROVED)
    Client().get(story.url)

    def queries() -> list[str]:
        with CaptureQueriesContext(connection) as context:
            Client().get(story.url)
        return [query["sql"] for query in context.captured_queries]

    few = queries()
    for number in range(2, 8):
        add_mention(story, number, status=Status.APPROVED)
    # New mentions start a new content generation, so the menu is rebuilt
    # once; compare warm renders on both sides.
    Client().get(story.url)
    many = queries()
    assert len(many) == len(few)
    assert sum("mentions_receivedmention" in sql for sql in many) == 1
    assert len(shown(story).find_all("li")) == 7


def test_spanish_readers_read_the_mentions_in_spanish(story, spanish):
    historia = translate(story, spanish, title="Una larga noche")
    add_mention(historia, status=Status.APPROVED)
    response = Client().get(historia.url)
    assert response["Link"] == '<http://testserver/webmention/>; rel="webmention"'
    section = BeautifulSoup(response.content, "html.parser").find("section", class_="mentions")
    assert section.h2.get_text() == "Menciones en otros sitios"
    assert section.li.get_text(" ", strip=True) == "Mencionada en blog1.example: Post 1"


def test_the_dashboard_tells_communications_what_waits(client_for, comms, author, story):
    add_mention(story, 1)
    add_mention(story, 2)
    add_mention(story, 3, status=Status.PENDING)  # not checked yet: nothing to decide
    dashboard = client_for(comms).get("/admin/").content.decode()
    assert "2 mentions from other sites are waiting for a decision." in " ".join(dashboard.split())
    assert f"{QUEUE}?status=verified" in dashboard
    assert "Mentions awaiting moderation" not in client_for(author).get("/admin/").content.decode()
