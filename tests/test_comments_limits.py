"""Comment limits that hold: per client address, whatever the User-Agent; one use per form."""

from __future__ import annotations

import datetime
import time

import pytest
from django.db.models import F
from django.test import RequestFactory

from clinic_site.client import client_address
from comments.models import Comment
from tests.comments_support import form_data, post_url, resubmission

pytestmark = pytest.mark.django_db

LIMIT = 5  # COMMENTS_RATE_LIMIT's default, documented in the README


def post_many(client, story, count: int, forwarded_for: str = "", **headers) -> list[int]:
    """The statuses of ``count`` comments from one client, each with another User-Agent (and,
    with ``forwarded_for``, another X-Forwarded-For: ``{number}`` in it is the post's number)."""
    statuses = []
    for number in range(count):
        if forwarded_for:
            headers["HTTP_X_FORWARDED_FOR"] = forwarded_for.format(number=number)
        response = client.post(
            post_url(story),
            form_data(body=f"Comment number {number}"),
            HTTP_USER_AGENT=f"Browser/{number}.0",
            **headers,
        )
        statuses.append(response.status_code)
    return statuses


def test_twelve_posts_with_rotating_user_agents_get_the_limit_and_no_more(client, story, settings):
    assert settings.COMMENTS_RATE_LIMIT == LIMIT
    statuses = post_many(client, story, 12, REMOTE_ADDR="203.0.113.7")

    assert statuses == [302] * LIMIT + [429] * (12 - LIMIT)
    kept = sorted(Comment.objects.values_list("body", flat=True))
    assert kept == sorted(f"Comment number {n}" for n in range(LIMIT))  # nothing accepted lost


def test_a_refused_comment_says_try_later_and_keeps_the_text(client, story, monkeypatch):
    post_many(client, story, LIMIT, REMOTE_ADDR="203.0.113.7")
    response = client.post(
        post_url(story), form_data(body="One more thought."), REMOTE_ADDR="203.0.113.7"
    )

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "Please try again later" in html
    assert resubmission(response)["body"] == "One more thought."
    assert "no-store" in response["Cache-Control"]

    other_reader = client.post(post_url(story), form_data(), REMOTE_ADDR="203.0.113.8")
    assert other_reader.status_code == 302

    # The window passes (the comments are dated back eleven minutes) and the reader, who took
    # half a minute to press send again, gets the kept text through.
    eleven_minutes = datetime.timedelta(minutes=11)
    Comment.objects.update(created_at=F("created_at") - eleven_minutes)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 30)
    retry = client.post(post_url(story), resubmission(response), REMOTE_ADDR="203.0.113.7")
    assert retry.status_code == 302
    assert Comment.objects.filter(body="One more thought.").exists()


def test_a_form_is_accepted_once_and_a_replay_is_refused(client, story):
    data = form_data(body="Sent once.")
    assert client.post(post_url(story), data).status_code == 302

    replay = client.post(post_url(story), data)
    assert replay.status_code == 409
    assert "This form was already sent" in replay.content.decode()
    other_text = client.post(post_url(story), data | {"body": "A different text, same form."})
    assert other_text.status_code == 409
    assert list(Comment.objects.values_list("body", flat=True)) == ["Sent once."]

    # The form shown with the refusal is fresh: a second comment can be sent from it.
    again = resubmission(replay) | {"started": form_data()["started"]}
    assert client.post(post_url(story), again).status_code == 302
    assert Comment.objects.count() == 2


def test_without_trusted_proxies_a_forwarded_header_buys_no_fresh_budget(client, story):
    statuses = post_many(
        client, story, LIMIT + 2, REMOTE_ADDR="203.0.113.7", forwarded_for="198.51.100.{number}"
    )
    assert statuses.count(302) == LIMIT


def test_behind_one_proxy_the_limit_keys_on_the_address_the_proxy_saw(client, story, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forges the left part of the header; our proxy appends the real address.
    statuses = post_many(
        client,
        story,
        LIMIT + 2,
        REMOTE_ADDR="10.0.0.2",
        forwarded_for="198.51.100.{number}, 203.0.113.7",
    )
    assert statuses.count(302) == LIMIT
    other = client.post(
        post_url(story), form_data(), REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "", "203.0.113.7"),
        (0, "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        (1, "10.0.0.2", "198.51.100.1", "198.51.100.1"),
        (1, "10.0.0.2", "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        (2, "10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.9", "198.51.100.1"),
        (2, "10.0.0.2", "198.51.100.1", "198.51.100.1"),
        (1, "10.0.0.2", "", "10.0.0.2"),
        (1, "10.0.0.2", "not-an-address", "10.0.0.2"),
        (1, "10.0.0.2", "2001:DB8::1", "2001:db8::1"),
    ],
)
def test_client_address_counts_trusted_proxies_from_the_right(
    settings, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_address(RequestFactory().get("/", **meta)) == expected
