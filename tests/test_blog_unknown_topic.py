"""An unknown topic in the story listing's ``?tag=`` is a 404 that lists the topics there are."""

from __future__ import annotations

import re

import pytest

from tests.blog_factories import make_story, story_index, topic_named, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return story_index(home_page)


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_an_unknown_topic_is_not_found_and_lists_the_topics(client, index):
    make_story(index, "Heart surgery", tags=["surgery", "cardiology"])
    make_story(index, "Night shift", tags=["nursing"])

    response = client.get("/en/stories/", {"tag": "chemotherapy"})

    assert response.status_code == 404
    html = response.content.decode()
    assert title_of(html) == "No such topic · Clinic Stories"
    assert '<meta name="robots" content="noindex">' in html
    assert "<h1>No such topic</h1>" in html
    assert "We have no stories about “<bdi>chemotherapy</bdi>”." in html
    assert "Select a valid choice" not in html
    for slug in ["cardiology", "nursing", "surgery"]:
        assert f'<a class="tag" href="/en/stories/?tag={slug}">{slug}</a>' in html
    assert '<a class="button" href="/en/stories/">See all stories</a>' in html
    # The topics that do exist still filter as before.
    assert client.get("/en/stories/", {"tag": "surgery"}).status_code == 200
    assert client.get("/en/stories/", {"tag": ""}).status_code == 200


def test_a_topic_whose_stories_are_all_offline_is_not_found(client, index):
    story = make_story(index, "Clinic closing", tags=["old-clinic"])
    make_story(index, "Still here", tags=["nursing"])
    assert client.get("/en/stories/", {"tag": "old-clinic"}).status_code == 200
    story.unpublish()
    response = client.get("/en/stories/", {"tag": "old-clinic"})
    assert response.status_code == 404
    html = response.content.decode()
    assert 'href="/en/stories/?tag=old-clinic"' not in html
    assert 'href="/en/stories/?tag=nursing"' in html


def test_an_unknown_topic_in_spanish_answers_in_spanish(client, index, spanish):
    english = make_story(index, "Heart surgery", tags=["surgery"])
    topic_named("surgery", spanish)  # Communications translated the topic (name kept)
    translate(english, spanish, title="Cirugía del corazón")

    response = client.get("/es/stories/", {"tag": "quimioterapia"})

    assert response.status_code == 404
    html = response.content.decode()
    assert 'lang="es"' in html
    assert title_of(html) == "Ese tema no existe · Historias de la Clínica"
    assert "No tenemos historias sobre «<bdi>quimioterapia</bdi>»." in html
    assert "Temas con historias" in html
    assert '<a class="tag" href="/es/stories/?tag=surgery">surgery</a>' in html
    assert '<a class="button" href="/es/stories/">Ver todas las historias</a>' in html


@pytest.mark.parametrize(
    "topic", ["<script>alert(1)</script>", "../../etc/passwd", "a" * 500, "مستشفى", "\u202etxt"]
)
def test_junk_topics_are_not_found_and_echoed_escaped_and_short(client, index, topic):
    make_story(index, "Heart surgery", tags=["surgery"])
    response = client.get("/en/stories/", {"tag": topic})
    assert response.status_code == 404
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "a" * 61 not in html
    assert 'href="/en/stories/?tag=surgery"' in html
