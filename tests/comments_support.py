"""Fixtures and helpers shared by the comments tests (tests/test_comments_*.py).

The fixtures (``story``, ``video``) are registered for the whole suite by ``pytest_plugins`` in
tests/conftest.py; a test module that defines its own fixture of the same name overrides them.
"""

from __future__ import annotations

import time

import pytest
from bs4 import BeautifulSoup

from comments.antispam import fill_timer_token
from comments.models import Comment
from tests.blog_factories import make_story, make_video, story_index, video_index


@pytest.fixture(name="story")
def story_fixture(home_page, author):
    """A live story owned (written) by the ``author`` user."""
    return make_story(story_index(home_page), "A long night on ward 7", owner=author)


@pytest.fixture(name="video")
def video_fixture(home_page, author):
    return make_video(video_index(home_page), "Meet the night team", owner=author)


def post_url(page) -> str:
    return f"/en/comments/{page.pk}/post/"


def form_data(**overrides) -> dict:
    """What a person's browser sends: the trap empty, the form shown half a minute ago."""
    data = {
        "name": "Sam",
        "email": "",
        "body": "Thank you for sharing this. The night nurses were kind to my dad too.",
        "leave_blank": "",
        "started": fill_timer_token(time.time() - 30),
    }
    data.update(overrides)
    return data


def resubmission(response) -> dict:
    """The data a browser would send from the comment form in ``response``, unchanged."""
    form = BeautifulSoup(response.content, "html.parser").find("form", class_="comment-form")
    data = {}
    for field in form.find_all("input"):
        if field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[field["name"]] = "on"
        elif field.get("name"):
            data[field["name"]] = field.get("value", "")
    textarea = form.find("textarea")
    # Browsers drop the single newline Django writes after <textarea>.
    data[textarea["name"]] = textarea.text.removeprefix("\n")
    return data


def add_comment(page, body: str = "Lovely story.", status: str = "approved", **fields) -> Comment:
    return Comment.objects.create(
        page=page, name=fields.pop("name", "Reader"), body=body, status=status, **fields
    )


def assert_only_safe_markup(fragment) -> None:
    """Inside rendered comments only <p>, <br> and our own links may appear."""
    for tag in fragment.find_all(True):
        assert tag.name in {"p", "br", "a"}, tag
        if tag.name == "a":
            assert set(tag.attrs) <= {"href", "rel"}, tag
            assert tag["href"].startswith(("http://", "https://", "mailto:")), tag
            assert tag["rel"] == ["nofollow", "ugc", "noopener"], tag
