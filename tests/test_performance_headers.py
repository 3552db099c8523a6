"""What the page cache never shares, the headers CDNs see, and the CDN purge on changes."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from wagtail.models import Site

from pagecache.middleware import PageCacheMiddleware
from tests.blog_factories import make_story, story_index

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=60, stale-while-revalidate=30"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The page cache on (tests/conftest.py's empty_cache empties it around each test)."""
    settings.PAGECACHE_ENABLED = True


@pytest.fixture
def story(home_page):
    return make_story(story_index(home_page), "A long night on ward 7", tags=["cardiology"])


def read(path: str, **headers):
    return Client(**headers).get(path)


def test_anonymous_pages_are_public_for_a_cdn_and_vary_on_cookies(story):
    response = read("/en/stories/")

    assert response["Cache-Control"] == PUBLIC
    vary = [value.strip() for value in response["Vary"].split(",")]
    assert "Cookie" in vary
    assert "Accept-Language" not in vary  # the language is in the address


def test_a_cached_page_costs_no_database_query(story, django_assert_num_queries):
    read("/en/stories/")

    with django_assert_num_queries(0):
        response = read("/en/stories/")

    assert response["X-Page-Cache"] == "hit"
    assert "A long night on ward 7" in response.content.decode()


def test_signed_in_editors_get_private_pages_that_are_never_shared(story, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get("/en/stories/")
    assert response["Cache-Control"] == "private, no-store"
    assert "wagtail-userbar" in response.content.decode()

    reader = read("/en/stories/")
    assert reader["X-Page-Cache"] == "miss"
    assert "wagtail-userbar" not in reader.content.decode()


def test_a_reader_with_a_session_or_form_cookie_is_never_served_from_the_cache(story, settings):
    read("/en/stories/")
    for cookie in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages"):
        client = Client()
        client.cookies[cookie] = "x"
        response = client.get("/en/stories/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response, cookie


def test_the_admin_and_previews_are_private(story, admin_user):
    editor = Client()
    editor.force_login(admin_user)

    assert editor.get("/admin/")["Cache-Control"] == "private, no-store"
    preview = editor.get(f"/admin/pages/{story.pk}/edit/preview/")
    assert preview.status_code == 200
    assert preview["Cache-Control"] == "private, no-store"
    assert read("/admin/login/")["Cache-Control"] == "private, no-store"


def test_not_found_pages_are_not_cached(story):
    assert read("/en/stories/no-such-story/").status_code == 404
    second = read("/en/stories/no-such-story/")
    assert second.status_code == 404
    assert "X-Page-Cache" not in second


def _through_middleware(view_response: HttpResponse, path: str = "/en/stories/"):
    request = RequestFactory().get(path)
    return PageCacheMiddleware(lambda request: view_response)(request)


def test_a_response_that_sets_a_cookie_is_never_stored():
    response = HttpResponse("<p>Welcome back</p>")
    response.set_cookie("reader", "42")
    first = _through_middleware(response)
    assert first["Cache-Control"] == "private, no-store"

    later = _through_middleware(HttpResponse("<p>Hello stranger</p>"))
    assert later.content == b"<p>Hello stranger</p>"  # the cookie-setting page was not kept


def test_a_response_with_a_form_token_is_never_stored():
    token_form = '<form method="post"><input name="csrfmiddlewaretoken" value="abc"></form>'
    first = _through_middleware(HttpResponse(token_form))
    assert first["Cache-Control"] == "private, no-store"

    later = _through_middleware(HttpResponse("<p>No form here</p>"))
    assert later.content == b"<p>No form here</p>"


def test_pages_are_served_when_the_cache_is_down(story, settings):
    settings.CACHES = {
        **settings.CACHES,
        "down": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    settings.PAGECACHE_CACHE_ALIAS = "down"

    response = read("/en/stories/")
    assert response.status_code == 200
    assert "A long night on ward 7" in response.content.decode()

    story.title = "Still publishable without the cache"
    story.save_revision().publish()


class _PurgeRecorder(BaseHTTPRequestHandler):
    purged: list[str] = []

    def do_PURGE(self):
        _PurgeRecorder.purged.append(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server(settings):
    server = HTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    _PurgeRecorder.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield _PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_story_its_listing_home_topic_and_feeds(
    home_page, story, purge_server, django_capture_on_commit_callbacks
):
    host = Site.objects.get(is_default_site=True).hostname
    story.title = "A longer night on ward 7"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    for path in [
        story.url,
        "/en/",
        "/en/stories/",
        "/en/stories/?tag=cardiology",
        "/en/stories/feed/rss/",
        "/en/stories/tag/cardiology/feed/atom/",
        f"/en/comments/{story.pk}/feed/rss/",
        "/es/stories/",  # every language's address of the listing
    ]:
        assert f"{host}{path}" in purge_server, path


def test_nothing_is_purged_before_the_change_is_committed(
    story, purge_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        story.unpublish()

    assert purge_server == []
    assert callbacks  # the purge waits for the commit


def test_story_pages_carry_no_form_token_or_cookie_and_are_shared(story):
    first = read(story.url)
    html = first.content.decode()

    assert not first.cookies
    assert "csrfmiddlewaretoken" not in html
    assert 'method="post"' not in html.lower()
    assert first["Cache-Control"] == PUBLIC
    assert read(story.url)["X-Page-Cache"] == "hit"


def test_the_comment_form_is_never_shared_each_reader_gets_a_fresh_token(story):
    path = f"/en/comments/{story.pk}/new/"
    first, second = read(path), read(path)

    for response in (first, second):
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    assert first.content != second.content  # a one-off form token per reader


def test_a_response_with_a_form_that_posts_is_never_stored():
    form = '<form class="comment-form" method="post"><input name="started" value="t1"></form>'
    first = _through_middleware(HttpResponse(form))
    assert first["Cache-Control"] == "private, no-store"

    later = _through_middleware(HttpResponse("<p>No form here</p>"))
    assert later.content == b"<p>No form here</p>"
