"""Posting a comment: held for moderation, spam defences that never lose a person's text."""

from __future__ import annotations

import threading
import time

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client

from comments.models import Comment
from tests.comments_support import form_data, post_url, resubmission

pytestmark = pytest.mark.django_db


def form_page_url(page) -> str:
    return f"/en/comments/{page.pk}/new/"


def later(monkeypatch, seconds: float) -> None:
    """Let ``seconds`` pass for the signed fill timer."""
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + seconds)


def test_a_comment_is_held_for_moderation_and_the_reader_is_thanked(client, story):
    response = client.post(post_url(story), form_data(body="The night team were wonderful."))

    assert response.status_code == 302
    assert response["Location"] == f"/en/comments/{story.pk}/sent/"
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.page_id == story.pk
    assert comment.body == "The night team were wonderful."
    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert "Thanks — your comment will appear after review." in html
    assert f'href="{story.url}#comments"' in html
    assert "The night team were wonderful." not in html
    assert "no-store" in thanks["Cache-Control"]
    assert not thanks.cookies


def test_video_pages_take_comments_too(client, video):
    assert client.post(post_url(video), form_data()).status_code == 302
    assert Comment.objects.get().page_id == video.pk


def test_the_fingerprint_is_a_keyed_hash_of_the_address_alone(client, story):
    client.post(post_url(story), form_data(), REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Fx")
    fingerprint = Comment.objects.get().fingerprint
    assert len(fingerprint) == 64
    assert "203.0.113.9" not in fingerprint
    client.post(post_url(story), form_data(), REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Other")
    assert Comment.objects.filter(fingerprint=fingerprint).count() == 2
    client.post(post_url(story), form_data(), REMOTE_ADDR="203.0.113.10", HTTP_USER_AGENT="Fx")
    assert Comment.objects.exclude(fingerprint=fingerprint).count() == 1


def test_pre_screen_flags_personal_details_but_still_only_holds_the_comment(client, story):
    client.post(post_url(story), form_data(body="Ring my mum on 07700 900123, MRN 1234567"))
    comment = Comment.objects.get()
    assert comment.flagged_identifiers == ["medical_record_number", "phone"]
    assert comment.status == Comment.Status.PENDING


def test_field_errors_are_shown_and_the_text_is_kept(client, story):
    response = client.post(post_url(story), form_data(name="", body="x"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "Ensure this value has at least 2 characters" in html
    assert resubmission(response)["body"] == "x"
    assert "no-store" in response["Cache-Control"]
    assert not Comment.objects.exists()


def test_a_comment_over_3000_characters_is_refused_with_the_text_kept(client, story):
    long_text = "word " * 700
    response = client.post(post_url(story), form_data(body=long_text))
    assert "at most 3000 characters" in response.content.decode()
    assert resubmission(response)["body"] == long_text  # exactly as typed
    assert not Comment.objects.exists()


def test_an_overlong_email_is_a_field_error_not_a_crash(client, story):
    address = "a" * 250 + "@example.org"
    response = client.post(post_url(story), form_data(email=address, notify_on_approval="on"))
    assert response.status_code == 200
    assert "at most 254 characters" in response.content.decode()
    assert resubmission(response)["email"] == address


def test_asking_for_an_email_needs_an_address(client, story):
    response = client.post(post_url(story), form_data(notify_on_approval="on", email=""))
    assert "Give an email address so we can tell you" in response.content.decode()
    assert not Comment.objects.exists()


def test_an_email_is_only_kept_when_the_reader_asked_to_be_told(client, story):
    client.post(post_url(story), form_data(email="sam@example.org"))
    client.post(post_url(story), form_data(email="kim@example.org", notify_on_approval="on"))
    assert sorted(Comment.objects.values_list("email", flat=True)) == ["", "kim@example.org"]


def test_honeypot_holds_the_comment_back_and_a_retry_goes_through(client, story, monkeypatch):
    body = "My grandmother was treated here in the 1970s."
    response = client.post(post_url(story), form_data(body=body, leave_blank="autofilled"))

    assert response.status_code == 200
    assert "could not tell your comment apart from automated spam" in response.content.decode()
    assert not Comment.objects.exists()
    retry = resubmission(response)
    assert retry["body"] == body
    assert retry["leave_blank"] == ""

    later(monkeypatch, 20)  # the person reads the message and presses send again
    assert client.post(post_url(story), retry).status_code == 302
    assert Comment.objects.get().body == body


def test_too_fast_is_held_back_and_a_retry_goes_through(client, story, monkeypatch):
    fresh = form_data(body="Quick but real.")
    fresh["started"] = resubmission(client.get(form_page_url(story)))["started"]
    response = client.post(post_url(story), fresh)

    assert response.status_code == 200
    assert "quicker than a person usually writes" in response.content.decode()
    assert not Comment.objects.exists()

    later(monkeypatch, 10)
    assert client.post(post_url(story), resubmission(response)).status_code == 302
    assert Comment.objects.get().body == "Quick but real."


@pytest.mark.parametrize("token", ["", "forged", "MTc5NTYzNzA2NQ:1xWJE9:bad-signature"])
def test_a_missing_or_forged_fill_timer_asks_to_send_again(client, story, token):
    response = client.post(post_url(story), form_data(started=token))
    assert "Your text is kept below: please send it again." in response.content.decode()
    assert not Comment.objects.exists()


def test_only_live_story_and_video_pages_take_comments(client, story, home_page):
    assert client.post(post_url(home_page), form_data()).status_code == 404
    assert client.get(form_page_url(home_page)).status_code == 404
    story.unpublish()
    assert client.post(post_url(story), form_data()).status_code == 404
    assert client.get(form_page_url(story)).status_code == 404
    assert client.post("/en/comments/999999/post/", form_data()).status_code == 404
    assert not Comment.objects.exists()


def test_the_form_needs_no_cookie_and_refuses_posts_from_other_sites(story):
    """No session to ride, so no CSRF cookie: a post from another site's page is refused."""
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(post_url(story)).status_code == 405
    form_page = browser.get(form_page_url(story))
    assert not form_page.cookies
    assert "csrfmiddlewaretoken" not in form_page.content.decode()
    data = resubmission(form_page) | {"name": "Sam", "body": "Thank you for this story."}

    cross = browser.post(post_url(story), form_data(), HTTP_ORIGIN="https://evil.example")
    assert cross.status_code == 403
    fetched = browser.post(post_url(story), form_data(), HTTP_SEC_FETCH_SITE="cross-site")
    assert fetched.status_code == 403
    assert not Comment.objects.exists()

    data["started"] = form_data()["started"]  # as if the form had been open half a minute
    same = browser.post(post_url(story), data, HTTP_ORIGIN="http://testserver")
    assert same.status_code == 302
    assert Comment.objects.count() == 1


def test_the_story_links_to_a_form_that_works_without_javascript(client, story):
    """The story page holds a plain link; the form page is plain HTML with labels and policy."""
    story_page = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert story_page.find("form", class_="comment-form") is None
    link = story_page.find("a", class_="comments__write-link")
    assert link["href"] == form_page_url(story)
    assert "cannot give medical advice" in story_page.find(class_="comment-policy").get_text()

    response = client.get(link["href"])
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", class_="comment-form")
    assert form["method"] == "post"
    assert form["action"] == post_url(story)
    for field in form.find_all(["input", "textarea"]):
        if field.get("type") not in {"hidden"}:
            assert form.find("label", attrs={"for": field["id"]}), field
    assert form.find("button", type="submit")
    policy = soup.find(class_="comment-policy").get_text()
    assert "cannot give medical advice" in policy
    assert "anyone else's health details" in policy
    assert "call your local emergency number" in policy


def test_each_form_page_carries_a_different_token(client, story):
    tokens = {resubmission(client.get(form_page_url(story)))["started"] for _ in range(3)}
    assert len(tokens) == 3


@pytest.mark.postgres(
    reason="concurrent writers need a server database (SQLite's test database lives in one "
    "connection's memory)"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_comments_posted_at_the_same_moment_are_both_kept(story):
    """Two readers press send together: both comments are stored."""
    barrier = threading.Barrier(2)
    results: list[int] = []

    def post(reader: str, address: str) -> None:
        browser = Client(REMOTE_ADDR=address)
        data = form_data(name=reader, body=f"{reader} says thank you.")
        barrier.wait(timeout=10)
        try:
            results.append(browser.post(post_url(story), data).status_code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=post, args=(name, address))
        for name, address in (("Ana", "198.51.100.1"), ("Ben", "198.51.100.2"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert results == [302, 302]
    assert sorted(Comment.objects.values_list("name", flat=True)) == ["Ana", "Ben"]
