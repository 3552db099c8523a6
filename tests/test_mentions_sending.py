"""Sending Webmentions: publishing a story queues one per outside link, and the send job (never
the publishing request) delivers them to the stand-in site's endpoint."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from mentions.models import SentMention
from tests.blog_factories import make_story, story_index
from tests.mentions_support import stand_in_site

pytestmark = pytest.mark.django_db

Status = SentMention.Status


@pytest.fixture
def site(settings):
    settings.MENTIONS_ALLOWED_PRIVATE_HOSTS = ["127.0.0.1"]
    with stand_in_site() as stand_in:
        endpoint = stand_in.url("/webmention")
        stand_in.page(
            "/by-header", "<p>Hi</p>", headers={"Link": f'<{endpoint}>; rel="webmention"'}
        )
        stand_in.page("/by-link", '<head><link rel="webmention" href="/webmention"></head>')
        stand_in.page("/by-anchor", '<p><a rel="nofollow webmention" href="webmention">x</a></p>')
        stand_in.page("/no-endpoint", "<p>Nothing to see.</p>")
        yield stand_in


def story_linking_to(home_page, *urls: str, live: bool = True):
    links = "".join(f'<a href="{url}">link {number}</a> ' for number, url in enumerate(urls))
    return make_story(
        story_index(home_page), "Links", body=[("text", f"<p>{links}</p>")], live=live
    )


def send() -> str:
    output = io.StringIO()
    call_command("send_mentions", stdout=output)
    return output.getvalue()


def test_publishing_queues_outside_links_and_the_job_sends_them(site, home_page):
    targets = [site.url(path) for path in ("/by-header", "/by-link", "/by-anchor")]
    story = story_linking_to(
        home_page, *targets, site.url("/no-endpoint"), "http://localhost/en/", "mailto:a@b.c"
    )
    assert set(SentMention.objects.values_list("target", "status")) == {
        *((target, Status.QUEUED) for target in targets),
        (site.url("/no-endpoint"), Status.QUEUED),
    }
    assert site.received == []  # publishing itself sends nothing

    assert "sent 3" in send()
    source = story.get_full_url()
    assert sorted(site.received, key=lambda m: m["target"]) == sorted(
        ({"source": source, "target": target} for target in targets), key=lambda m: m["target"]
    )
    sent = SentMention.objects.get(target=site.url("/by-link"))
    assert (sent.status, sent.endpoint, sent.response_status) == (
        Status.SENT,
        site.url("/webmention"),
        202,
    )
    assert SentMention.objects.get(target=site.url("/no-endpoint")).status == Status.NO_ENDPOINT
    assert "nothing queued" in send()


def test_drafts_send_nothing(site, home_page):
    story_linking_to(home_page, site.url("/by-header"), live=False)
    send()
    assert not SentMention.objects.exists()
    assert site.received == []


def test_republishing_tells_pages_that_are_no_longer_linked(site, home_page):
    story = story_linking_to(home_page, site.url("/by-header"))
    send()
    story.body = [("text", "<p>No links any more.</p>")]
    story.save_revision().publish()
    assert SentMention.objects.get().status == Status.QUEUED
    send()
    assert len(site.received) == 2  # the other site checks again and drops its mention


def test_an_endpoint_on_a_private_address_is_refused(site, settings, home_page):
    site.page("/private-endpoint", '<link rel="webmention" href="http://10.0.0.7/webmention">')
    story_linking_to(home_page, site.url("/private-endpoint"))
    send()
    failed = SentMention.objects.get()
    assert (failed.status, failed.problem) == (Status.FAILED, "private_address")


def test_private_targets_are_refused_unless_allowed(site, settings, home_page):
    settings.MENTIONS_ALLOWED_PRIVATE_HOSTS = []
    story_linking_to(home_page, site.url("/by-header"))
    send()
    assert SentMention.objects.get().problem == "private_address"
    assert site.received == []
