"""Share without trackers: a Share button over plain links, nothing loaded from other hosts."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.blog_factories import make_story, make_video, story_index, translate, video_index

pytestmark = pytest.mark.django_db

# Attributes through which a page makes the browser fetch something on its own.
FETCHING = {"script": "src", "img": "src", "iframe": "src", "link": "href", "source": "src"}


@pytest.fixture(params=["story", "video"])
def page(request, home_page):
    if request.param == "story":
        return make_story(story_index(home_page), "Learning to walk again")
    return make_video(video_index(home_page), "Meet the physiotherapy team")


def share_panel(page) -> tuple[BeautifulSoup, BeautifulSoup]:
    response = Client().get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, soup.select_one("section.share")


def test_the_share_button_starts_hidden_and_the_plain_choices_are_there_without_javascript(page):
    _soup, panel = share_panel(page)
    url = page.get_full_url()
    button = panel.select_one("button[data-share-button]")
    assert button.get_text(strip=True) == "Share"
    assert button["type"] == "button" and button.has_attr("hidden")  # share.js reveals it
    assert button["aria-controls"] == "share-choices" and button["aria-expanded"] == "false"
    assert panel["data-share-url"] == url
    choices = panel.select_one("#share-choices")
    assert not choices.has_attr("hidden")  # without JavaScript the choices are simply there
    field = choices.select_one("input#share-url")
    assert field["value"] == url and field.has_attr("readonly")
    assert panel.select_one("label[for=share-url]").get_text(strip=True) == "Link to copy"
    assert choices.select_one("button[data-share-copy]").has_attr("hidden")  # needs JavaScript
    status = choices.select_one("[data-share-status]")
    assert (status["role"], status["aria-live"]) == ("status", "polite")
    links = {a.get_text(" ", strip=True): a["href"] for a in choices.select(".share-links a")}
    assert links["Email (share this page)"].startswith("mailto:?subject=")
    assert "Facebook (share this page)" in links and "LinkedIn (share this page)" in links
    assert panel["aria-labelledby"] == "share-heading"


def test_the_page_loads_nothing_from_other_hosts(page):
    soup, panel = share_panel(page)
    own_hosts = {"", urlsplit(page.get_full_url()).netloc, "testserver"}  # site, request host
    for tag, attribute in FETCHING.items():
        for element in soup.find_all(tag):
            address = element.get(attribute)
            if address:
                assert urlsplit(address).netloc in own_hosts, f"<{tag}> loads {address}"
    scripts = [script["src"] for script in panel.find_all("script")]
    assert scripts == ["/static/blog/share.js"]
    assert not soup.find_all("script", src=False, type=lambda kind: kind != "application/ld+json")


def test_the_share_panel_speaks_spanish_on_spanish_pages(page, spanish):
    translation = translate(page, spanish, title="Una historia para compartir")
    _soup, panel = share_panel(translation)
    assert panel.select_one("[data-share-button]").get_text(strip=True) == "Compartir"
    assert panel.select_one("label[for=share-url]").get_text(strip=True) == "Enlace para copiar"
    assert panel.select_one("[data-share-copy]").get_text(strip=True) == "Copiar el enlace"
    assert panel["data-copied-message"] == "Enlace copiado."
    assert panel.select_one("input#share-url")["value"] == translation.get_full_url()
