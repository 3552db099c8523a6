"""The Big List of Naughty Strings, fed to every public query parameter and form field.

Each of ~500 strings (SQL, shell and HTML injection, Unicode edge cases, right-to-left text,
huge numbers…) goes into each public input: search words and filters, the story listing's
filters and page number, the feeds' topic, the policy's version addresses and every field of
the comment form (the real POST endpoint). The answer is never a server error, and a string
that carries markup never comes back unescaped. Comments with those strings, once approved,
are shown on the story and in its feeds, escaped too.
"""

from __future__ import annotations

import re
import time
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.test.client import ClientHandler

from comments import antispam
from comments.models import Comment
from tests.naughty_support import naughty_strings

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Markup a browser would act on: a tag opening, or a quote closing an attribute and adding one.
MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|\"\s*[\w-]+\s*=")


@pytest.fixture(scope="module")
def strings() -> tuple[str, ...]:
    return naughty_strings()


@pytest.fixture(scope="module")
def story(seeded_demo, django_db_blocker):
    """The demo story the comment checks post to, with what the checks need to know of it."""
    from blog.models import StoryPage

    with django_db_blocker.unblock():
        page = StoryPage.objects.live().filter(locale__language_code="en").order_by("path").first()
        return {"id": page.pk, "url": page.url}


@pytest.fixture(scope="module")
def policy_url(seeded_demo, django_db_blocker) -> str:
    from policy.models import PolicyPage

    with django_db_blocker.unblock():
        return PolicyPage.objects.live().filter(locale__language_code="en").first().url


class Reader(RequestFactory):
    """Requests through Django's whole stack (middleware, URLs, views, templates) as the test
    client sends them, minus the client's copy of every template context: over thousands of
    requests that copying costs more than the pages. A server error comes back as a 500
    response, so every failing string is listed."""

    handler = ClientHandler(enforce_csrf_checks=False)

    def request(self, **request):
        return self.handler(self._base_environ(**request))


@pytest.fixture
def reader() -> Reader:
    return Reader()


def problem(response, text: str, where: str) -> str | None:
    """Why this answer is wrong, or None: a 5xx, or the markup reflected as it was sent."""
    if response.status_code >= 500:
        return f"{where}: {response.status_code} for {text!r}"
    if MARKUP.search(text) and text in response.content.decode("utf-8", "replace"):
        return f"{where}: {text!r} reflected unescaped"
    return None


def check_each(strings: tuple[str, ...], send) -> None:
    """Send every string; report every failure at once."""
    problems = [p for text in strings if (p := send(text)) is not None]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:50])


def get_with_every_parameter(reader: Reader, address: str, parameters: list[str], text: str):
    """GET with the string in every parameter at once; the page parameter alone can turn the
    answer into a 404 (a page number past the end), so then the others are sent again without
    it, to reach the page that shows them."""
    response = reader.get(address, dict.fromkeys(parameters, text))
    if response.status_code == 404 and "page" in parameters:
        others = [name for name in parameters if name != "page"]
        return problem(response, text, f"{address} page") or problem(
            reader.get(address, dict.fromkeys(others, text)), text, f"{address} {others}"
        )
    return problem(response, text, f"{address} {parameters}")


def test_search_parameters(seeded_demo, reader, strings):
    parameters = ["q", "type", "storyteller", "tag", "page"]
    check_each(
        strings, lambda text: get_with_every_parameter(reader, "/en/search/", parameters, text)
    )


def test_search_words_in_spanish(seeded_demo, reader, strings):
    """Spanish searches use the Spanish text-search configuration on PostgreSQL."""
    check_each(strings, lambda text: get_with_every_parameter(reader, "/es/search/", ["q"], text))


def test_story_listing_parameters(seeded_demo, reader, strings):
    parameters = ["tag", "storyteller", "page"]
    check_each(
        strings, lambda text: get_with_every_parameter(reader, "/en/stories/", parameters, text)
    )


def test_video_listing_page_parameter(seeded_demo, reader, strings):
    check_each(
        strings, lambda text: get_with_every_parameter(reader, "/en/videos/", ["page"], text)
    )


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_story_feed_topic(seeded_demo, reader, strings, feed):
    def send(text: str):
        address = f"/en/stories/tag/{quote(text, safe='')}/feed/{feed}/"
        return problem(reader.get(address), text, address)

    check_each(strings, send)


@pytest.mark.parametrize("tail", ["", "changes/"])
def test_policy_version_addresses(seeded_demo, reader, strings, policy_url, tail):
    def send(text: str):
        address = f"{policy_url}versions/{quote(text, safe='')}/{tail}"
        return problem(reader.get(address), text, address)

    check_each(strings, send)


def comment_post(reader: Reader, story: dict, **fields: str):
    """POST the comment form as a reader who took a minute to write; no rate limit in play."""
    cache.clear()
    data = {
        "name": "Ana",
        "email": "",
        "body": "Thank you for telling this story.",
        "leave_blank": "",
        "started": antispam.fill_timer_token(time.time() - 60),
        **fields,
    }
    return reader.post(f"/en/comments/{story['id']}/post/", data)


COMMENT_FIELDS = ["name", "email", "body", "notify_on_approval", "leave_blank", "started"]


def test_comment_form_fields(seeded_demo, reader, strings, story):
    """Every field at once: the form comes back with each value and its error, escaped."""
    check_each(
        strings,
        lambda text: problem(
            comment_post(reader, story, **dict.fromkeys(COMMENT_FIELDS, text)), text, "form"
        ),
    )


def test_comments_with_naughty_text_are_stored_and_shown_escaped(
    seeded_demo, reader, strings, story, settings
):
    """Each string as a name and a comment that passes every check: stored, then approved by
    a moderator and shown to every reader on the story and in its comment feeds."""
    # One reader sends every string: the per-address limit (counted in the database) is lifted.
    settings.COMMENTS_RATE_LIMIT = len(strings) + 1
    check_each(
        strings,
        lambda text: problem(comment_post(reader, story, name=text, body=text), text, "post"),
    )
    approved = Comment.objects.filter(page_id=story["id"], status=Comment.Status.PENDING).update(
        status=Comment.Status.APPROVED
    )
    assert approved >= len(strings) * 0.9, f"only {approved} of {len(strings)} comments stored"

    for address, shown in (
        (story["url"], "alert(123)"),
        (f"/en/comments/{story['id']}/feed/rss/", "<item>"),
        (f"/en/comments/{story['id']}/feed/atom/", "<entry>"),
    ):
        response = reader.get(address)
        assert response.status_code == 200, address
        assert shown in response.content.decode(), f"{address} does not show the comments"
        check_each(strings, lambda text, response=response: problem(response, text, address))
