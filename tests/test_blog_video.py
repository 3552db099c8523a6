"""Video addresses are parsed locally, and the player never loads before the reader asks."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamValue

from blog.blocks import EMPTY_TRANSCRIPT, StoryBodyBlock, VideoBlock
from blog.models import VideoPage
from blog.video import (
    VIMEO,
    YOUTUBE,
    VideoRef,
    format_duration,
    iso_duration,
    parse_duration_text,
    parse_video_url,
)
from tests.blog_factories import draftail, make_image, make_video, video_form_data, video_index

ACCEPTED = [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE, "dQw4w9WgXcQ"),
    ("https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s", YOUTUBE, "dQw4w9WgXcQ"),
    ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", YOUTUBE, "dQw4w9WgXcQ"),
    # A video inside a playlist is still one video: the playlist is ignored.
    (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs",
        YOUTUBE,
        "dQw4w9WgXcQ",
    ),
    ("https://youtu.be/dQw4w9WgXcQ", YOUTUBE, "dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ?si=abc123", YOUTUBE, "dQw4w9WgXcQ"),
    ("https://www.youtube.com/shorts/aBcDeFgHiJk", YOUTUBE, "aBcDeFgHiJk"),
    ("https://www.youtube.com/embed/dQw4w9WgXcQ", YOUTUBE, "dQw4w9WgXcQ"),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0", YOUTUBE, "dQw4w9WgXcQ"),
    ("https://www.youtube.com/live/dQw4w9WgXcQ", YOUTUBE, "dQw4w9WgXcQ"),
    ("http://www.youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE, "dQw4w9WgXcQ"),
    ("www.youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE, "dQw4w9WgXcQ"),
    ("youtu.be/dQw4w9WgXcQ", YOUTUBE, "dQw4w9WgXcQ"),
    ("  https://youtu.be/dQw4w9WgXcQ  ", YOUTUBE, "dQw4w9WgXcQ"),
    ("https://vimeo.com/76979871", VIMEO, "76979871"),
    ("https://www.vimeo.com/76979871?share=copy", VIMEO, "76979871"),
    ("https://vimeo.com/channels/staffpicks/76979871", VIMEO, "76979871"),
    ("https://player.vimeo.com/video/76979871?h=abc", VIMEO, "76979871"),
]

REJECTED = [
    ("", "invalid"),
    ("not a url", "invalid"),
    ("https://", "invalid"),
    ("javascript:alert(1)", "scheme"),
    ("JavaScript:alert(document.cookie)//youtube.com/watch?v=dQw4w9WgXcQ", "scheme"),
    ("javascript://www.youtube.com/watch?v=dQw4w9WgXcQ", "scheme"),
    ("data:text/html,<script>alert(1)</script>", "scheme"),
    ("ftp://youtube.com/watch?v=dQw4w9WgXcQ", "scheme"),
    ("https://www.youtube.com/playlist?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs", "playlist"),
    ("https://www.youtube.com/watch?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs", "playlist"),
    (
        "https://www.youtube.com/embed/videoseries?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs",
        "playlist",
    ),
    ("https://vimeo.com/showcase/1234567", "playlist"),
    ("https://www.youtube.com/", "no_video"),
    ("https://www.youtube.com/@SomeHospital", "no_video"),
    ("https://www.youtube.com/watch?v=short", "no_video"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ<script>", "no_video"),
    ("https://youtu.be/", "no_video"),
    ("https://vimeo.com/about", "no_video"),
    ("https://player.vimeo.com/video/", "no_video"),
    ("https://example.org/watch?v=dQw4w9WgXcQ", "host"),
    ("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "host"),
    ("https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ", "invalid"),
    ("https://dailymotion.com/video/x7tgad0", "host"),
    ("https://www.youtube.com:99999/watch?v=dQw4w9WgXcQ", "invalid"),
    ("https://you tube.com/watch?v=dQw4w9WgXcQ", "invalid"),
    ("https://example.org/" + "a" * 3000, "invalid"),
]


@pytest.mark.parametrize(("url", "provider", "video_id"), ACCEPTED)
def test_accepted_addresses_give_provider_and_id(url, provider, video_id):
    assert parse_video_url(url) == VideoRef(provider, video_id)


@pytest.mark.parametrize(("url", "code"), REJECTED)
def test_rejected_addresses_explain_what_is_wrong(url, code):
    with pytest.raises(ValidationError) as error:
        parse_video_url(url)
    assert error.value.code == code
    assert len(str(error.value.message)) > 30  # a sentence an editor can act on


def test_player_and_fallback_addresses_are_built_from_the_id_only():
    youtube = parse_video_url("https://youtu.be/dQw4w9WgXcQ?si=tracking")
    assert youtube.embed_url.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?")
    assert youtube.watch_url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    vimeo = parse_video_url("https://vimeo.com/76979871")
    assert vimeo.embed_url.startswith("https://player.vimeo.com/video/76979871?")
    assert "dnt=1" in vimeo.embed_url
    assert vimeo.watch_url == "https://vimeo.com/76979871"


def test_durations_read_and_print_like_a_player():
    assert parse_duration_text("3:05") == datetime.timedelta(minutes=3, seconds=5)
    assert parse_duration_text("1:02:05") == datetime.timedelta(hours=1, minutes=2, seconds=5)
    assert parse_duration_text("") is None
    for bad in ("3", "3:5", "3:65", "abc", "1:2:3:4"):
        with pytest.raises(ValidationError):
            parse_duration_text(bad)
    assert format_duration(datetime.timedelta(minutes=3, seconds=5)) == "3:05"
    assert format_duration(datetime.timedelta(hours=1, seconds=7)) == "1:00:07"
    assert iso_duration(datetime.timedelta(minutes=3, seconds=5)) == "PT3M5S"
    assert iso_duration(None) == ""


def block_data(**overrides) -> dict:
    data = {
        "video_url": "https://youtu.be/dQw4w9WgXcQ",
        "title": "A tour of the ward",
        "thumbnail": None,
        "duration": "2:14",
        "captions_available": True,
        "captions_language": "es",
        "transcript": "<p>Welcome to the ward.</p>",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_video_block_requires_a_transcript_and_a_valid_address():
    image = make_image("Still")
    block = VideoBlock()
    block.clean(block.to_python(block_data(thumbnail=image.pk)))  # valid: no error
    for empty in ("", "<p></p>", '<p data-block-key="x"> </p>'):
        with pytest.raises(ValidationError) as error:
            block.clean(block.to_python(block_data(thumbnail=image.pk, transcript=empty)))
        assert "transcript" in error.value.block_errors, empty
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(block_data(thumbnail=image.pk, video_url="javascript:x")))
    assert "video_url" in error.value.block_errors
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(block_data(thumbnail=image.pk, duration="ten minutes")))
    assert "duration" in error.value.block_errors


def host_urls(html: str) -> list[str]:
    """Every address in the HTML that points at a video host."""
    return re.findall(r"https?://[^\s\"'<>]*(?:youtube|youtu\.be|vimeo)[^\s\"'<>]*", html)


def assert_privacy_first(html: str, embed_url: str, watch_url: str) -> None:
    assert "<iframe" not in html
    # The only video-host addresses: the click-to-load data attribute and the fallback link.
    assert sorted(host_urls(html)) == sorted([embed_url.replace("&", "&amp;"), watch_url])
    assert f'data-embed-url="{embed_url.replace("&", "&amp;")}"' in html
    assert f'href="{watch_url}"' in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert all(tag.startswith('<script src="/static/') for tag in scripts), scripts
    assert "img.youtube.com" not in html and "i.vimeocdn.com" not in html


@pytest.mark.django_db
def test_video_block_renders_a_facade_with_transcript_and_no_player():
    image = make_image("Still")
    stream = StreamValue(
        StoryBodyBlock(),
        [
            (
                "video",
                StoryBodyBlock().child_blocks["video"].to_python(block_data(thumbnail=image.pk)),
            )
        ],
    )
    html = str(stream)
    video = parse_video_url("https://youtu.be/dQw4w9WgXcQ")
    assert_privacy_first(html, video.embed_url, video.watch_url)
    assert '<button type="button" class="video__play"' in html and " hidden>" in html
    assert 'data-embed-title="A tour of the ward"' in html
    assert '<time datetime="PT2M14S">2:14</time>' in html
    assert "<details" in html and "Welcome to the ward." in html
    assert "Captions available in Spanish" in html
    assert "/media/images/" in html  # the thumbnail is our own rendition


@pytest.mark.django_db
def test_video_page_is_privacy_first_and_loads_the_first_party_script(client, home_page):
    video = make_video(video_index(home_page), video_url="https://vimeo.com/76979871")
    response = client.get(video.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert_privacy_first(html, video.video.embed_url, video.video.watch_url)
    assert '<script src="/static/blog/video-facade.js" defer></script>' in html
    assert "<script>" not in html and "style=" not in html
    assert "Hello, I am a nurse" in html.split("<details", 1)[1]


def test_facade_script_only_inserts_players_from_the_two_hosts():
    from pathlib import Path

    script = (Path(__file__).parent.parent / "blog/static/blog/video-facade.js").read_text()
    assert '"www.youtube-nocookie.com", "player.vimeo.com"' in script
    assert "iframe.title" in script
    assert "innerHTML" not in script  # nothing from the page is parsed as HTML


@pytest.mark.django_db
def test_video_page_form_requires_transcript_and_valid_address(home_page, admin_user, client_for):
    """Publishing from the editor: no transcript, or an address we can't play, is a field error."""
    client = client_for(admin_user)
    index = video_index(home_page)
    add_url = reverse("wagtailadmin_pages:add", args=("blog", "videopage", index.pk))
    valid = {**video_form_data(make_image("Still")), "action-publish": "action-publish"}
    response = client.post(
        add_url, {**valid, "transcript": draftail(""), "video_url": "https://example.org/v"}
    )
    assert response.status_code == 200  # the form again, with its errors
    errors = response.context["form"].errors
    assert errors["transcript"] == [str(EMPTY_TRANSCRIPT)]  # one empty paragraph
    assert "Only YouTube and Vimeo" in errors["video_url"][0]
    assert set(errors) == {"transcript", "video_url"}
    # An untouched editor sends null: the field's own "required" error.
    response = client.post(add_url, {**valid, "transcript": "null"})
    assert response.context["form"].errors == {"transcript": ["This field is required."]}
    assert not VideoPage.objects.exists()
    assert client.post(add_url, valid).status_code == 302
    video = VideoPage.objects.get()
    assert video.live and video.video_id == "dQw4w9WgXcQ"


@pytest.mark.django_db
def test_a_draft_may_wait_for_its_transcript_but_review_may_not(home_page, admin_user, client_for):
    """Wagtail lets drafts skip required fields; review_blockers still names the gap."""
    client = client_for(admin_user)
    index = video_index(home_page)
    add_url = reverse("wagtailadmin_pages:add", args=("blog", "videopage", index.pk))
    data = {**video_form_data(make_image("Still")), "transcript": "null"}
    assert client.post(add_url, data).status_code == 302
    draft = VideoPage.objects.get()
    assert not draft.live
    assert draft.review_blockers() == ["The video needs a transcript before it can be approved."]


@pytest.mark.django_db
def test_video_review_blockers_need_a_transcript(home_page):
    video = make_video(video_index(home_page))
    assert video.review_blockers() == []
    video.transcript = "<p> </p>"
    assert video.review_blockers() == ["The video needs a transcript before it can be approved."]


@pytest.mark.django_db
def test_video_page_keeps_provider_and_id_in_step_with_the_address(home_page):
    video = make_video(video_index(home_page), video_url="https://youtu.be/dQw4w9WgXcQ")
    assert (video.video_provider, video.video_id) == ("youtube", "dQw4w9WgXcQ")
    video.video_url = "https://vimeo.com/76979871"
    video.save_revision().publish()
    video.refresh_from_db()
    assert (video.video_provider, video.video_id) == ("vimeo", "76979871")
