"""Receiving Webmentions: the endpoint's rules, then the verification job against a stand-in
site on 127.0.0.1 (bad sources are rejected with their reason and never shown)."""

from __future__ import annotations

import io
import socket
import threading

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client

from mentions.models import ReceivedMention
from tests.blog_factories import make_story, story_index
from tests.mentions_support import closed_port_url, stand_in_site

pytestmark = pytest.mark.django_db

ENDPOINT = "/webmention/"
Status = ReceivedMention.Status


@pytest.fixture
def site(settings):
    settings.MENTIONS_ALLOWED_PRIVATE_HOSTS = ["127.0.0.1"]
    with stand_in_site() as stand_in:
        yield stand_in


def send(source: str, target: str, client: Client | None = None, **extra):
    return (client or Client()).post(ENDPOINT, {"source": source, "target": target}, **extra)


def verify() -> None:
    call_command("verify_mentions", stdout=io.StringIO())


def mentions_shown(story) -> list[str]:
    soup = BeautifulSoup(Client().get(story.url).content, "html.parser")
    return [item.get_text(" ", strip=True) for item in soup.select(".mention-list li")]


def test_story_pages_advertise_the_endpoint_in_a_header_and_in_head(story, home_page):
    response = Client().get(story.url)
    assert response["Link"] == '<http://testserver/webmention/>; rel="webmention"'
    head = BeautifulSoup(response.content, "html.parser").head
    assert head.find("link", rel="webmention")["href"] == "http://testserver/webmention/"
    assert "Link" not in Client().get(home_page.url)


def test_a_valid_mention_is_accepted_and_waits_unseen_until_checked(site, story):
    source = site.linking_page("/post", story.get_full_url())
    response = send(source, story.get_full_url())
    assert response.status_code == 202
    assert "checked" in response.content.decode()
    mention = ReceivedMention.objects.get()
    assert (mention.page_id, mention.status, mention.source_host) == (
        story.pk,
        Status.PENDING,
        "127.0.0.1",
    )
    assert mentions_shown(story) == []


def test_the_verification_job_finds_the_link_and_takes_the_title(site, story):
    source = site.linking_page("/post", story.get_full_url(), title="  Night  shift\nthoughts ")
    send(source, story.get_full_url())
    verify()
    mention = ReceivedMention.objects.get()
    assert mention.status == Status.VERIFIED
    assert mention.source_title == "Night shift thoughts"
    assert mention.verified_at is not None
    assert mentions_shown(story) == []  # verified is not approved: Communications decide


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"source": "https://blog.example/post"}, "both"),
        ({"source": "javascript:alert(1)", "target": "{story}"}, "http or https"),
        ({"source": "ftp://blog.example/post", "target": "{story}"}, "http or https"),
        ({"source": "{story}", "target": "{story}"}, "different"),
        ({"source": "https://blog.example/post", "target": "{home}"}, "not a published story"),
        ({"source": "https://blog.example/post", "target": "{elsewhere}"}, "published story"),
        ({"source": "https://blog.example/post", "target": "{draft}"}, "published story"),
        ({"source": "https://blog.example/" + "a" * 2100, "target": "{story}"}, "too long"),
    ],
)
def test_requests_breaking_the_rules_are_refused_and_nothing_is_stored(
    story, home_page, data, message
):
    draft = make_story(story_index(home_page), "Not yet", live=False)
    urls = {
        "{story}": story.get_full_url(),
        "{home}": home_page.get_full_url(),
        "{elsewhere}": story.get_full_url().replace("localhost", "evil.example"),
        "{draft}": f"http://localhost/en/stories/{draft.slug}/",
    }
    data = {name: urls.get(value, value) for name, value in data.items()}
    response = Client().post(ENDPOINT, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReceivedMention.objects.exists()
    assert Client().get(ENDPOINT).status_code == 405


def test_each_client_address_is_limited(settings, story):
    settings.MENTIONS_RATE_LIMIT = 2
    target = story.get_full_url()
    for number in range(2):
        assert send(f"https://blog.example/{number}", target).status_code == 202
    refused = send("https://blog.example/3", target)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    other = send("https://blog.example/4", target, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 202
    assert ReceivedMention.objects.count() == 3


def test_a_repeated_mention_is_checked_again_and_disappears_when_the_link_is_gone(
    site, story, comms, client_for
):
    source = site.linking_page("/post", story.get_full_url(), title="Kind words")
    send(source, story.get_full_url())
    verify()
    mention = ReceivedMention.objects.get()
    client_for(comms).post(
        f"/admin/snippets/mentions/receivedmention/edit/{mention.pk}/", {"status": "approved"}
    )
    assert mentions_shown(story) == ["Mentioned on 127.0.0.1: Kind words"]

    site.page("/post", "<!doctype html><title>Edited</title><p>No link any more.</p>")
    assert send(source, story.get_full_url()).status_code == 202
    assert mentions_shown(story) == []  # held again until checked and approved
    verify()
    mention.refresh_from_db()
    assert (mention.status, mention.reason) == (Status.REJECTED, "no_link")
    assert ReceivedMention.objects.count() == 1


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/not-linking", "no_link"),
        ("/json", "not_html"),
        ("/missing", "http_error"),
        ("/huge", "too_large"),
        ("/huge-declared", "too_large"),
        ("/slow", "too_slow"),
        ("/trickle", "too_slow"),
        ("/loop", "too_many_redirects"),
        ("/to-localhost", "private_address"),
        ("/to-metadata", "private_address"),
    ],
)
def test_bad_sources_are_rejected_with_the_reason_and_never_shown(
    site, settings, story, comms, client_for, path, reason
):
    settings.MENTIONS_FETCH_TIMEOUT = 0.5  # the slow pages never answer in time
    target = story.get_full_url()
    site.page("/not-linking", "<!doctype html><title>Other</title><a href='/elsewhere/'>x</a>")
    site.page("/json", f'{{"link": "{target}"}}', content_type="application/json")
    site.page("/loop", "", status=302, headers={"Location": "/loop"})
    port = site.base.rsplit(":", 1)[1]
    site.page("/to-localhost", "", status=301, headers={"Location": f"http://localhost:{port}/"})
    site.page("/to-metadata", "", status=302, headers={"Location": "http://169.254.169.254/"})
    assert send(site.url(path), target).status_code == 202
    verify()
    mention = ReceivedMention.objects.get()
    assert (mention.status, mention.reason) == (Status.REJECTED, reason)
    assert mention.verified_at is None

    # Communications cannot approve it by mistake, nor by a crafted post.
    edit = f"/admin/snippets/mentions/receivedmention/edit/{mention.pk}/"
    response = client_for(comms).post(edit, {"status": "approved"})
    assert "cannot be approved" in response.content.decode()
    mention.refresh_from_db()
    assert mention.status == Status.REJECTED
    assert mentions_shown(story) == []


def test_an_unreachable_source_is_rejected_and_the_reason_is_in_its_history(
    site, story, comms, client_for
):
    send(closed_port_url(), story.get_full_url())
    verify()
    mention = ReceivedMention.objects.get()
    assert mention.reason == "unreachable"
    history = client_for(comms).get(
        f"/admin/snippets/mentions/receivedmention/history/{mention.pk}/"
    )
    assert history.status_code == 200
    text = " ".join(BeautifulSoup(history.content, "html.parser").get_text().split())
    assert "Mention rejected by the verification: The other site could not be reached" in text


def test_private_addresses_are_refused_unless_the_settings_allow_them(site, settings, story):
    settings.MENTIONS_ALLOWED_PRIVATE_HOSTS = []
    target = story.get_full_url()
    send(site.linking_page("/post", target), target)
    send("http://10.20.30.40/post", target)
    send("http://[::1]/post", target)
    verify()
    reasons = set(ReceivedMention.objects.values_list("reason", flat=True))
    assert reasons == {"private_address"}
    assert site.received == []

    settings.MENTIONS_ALLOWED_PRIVATE_HOSTS = ["127.0.0.1"]
    send(site.url("/post"), target)
    verify()
    assert ReceivedMention.objects.get(source=site.url("/post")).status == Status.VERIFIED


def test_a_mention_of_a_story_taken_offline_meanwhile_is_rejected(site, story):
    send(site.linking_page("/post", story.get_full_url()), story.get_full_url())
    story.unpublish()
    verify()
    assert ReceivedMention.objects.get().reason == "story_offline"


def test_a_name_lookup_that_never_answers_is_too_slow(settings, story, monkeypatch):
    settings.MENTIONS_FETCH_TIMEOUT = 0.5
    send("http://blog.example/post", story.get_full_url())
    release = threading.Event()
    resolve = socket.getaddrinfo

    def stuck_resolver(*args, **kwargs):  # a DNS server that does not answer
        release.wait(10)
        return resolve(*args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", stuck_resolver)
    try:
        verify()
    finally:
        release.set()
    assert ReceivedMention.objects.get().reason == "too_slow"
