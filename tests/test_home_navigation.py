"""The main menu: built from the page tree in each language, Spanish addresses in Spanish.

Readers find the sections through the header's menu on every page. Editors choose what it
lists with "Show in menus"; the Spanish pages have Spanish slugs, and the English slugs they
had before still lead to them (permanent redirects, so bookmarks, feed readers and search
engines follow). The menu is cached with the rest of the site's content: it costs no database
query once rendered, and a publish changes it at once.
"""

from __future__ import annotations

import re
import uuid

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page

from blog.models import StoryIndexPage, StoryPage
from tests.server_support import redis_url

pytestmark = pytest.mark.slow

REDIS_URL = redis_url(default_db=2)


def menu(html: str) -> list[tuple[str, str, bool]]:
    """The header menu's links: (href, text, marked as the current page)."""
    nav = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no main menu on the page"
    return [
        (href, text, bool(current))
        for href, current, text in re.findall(
            r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav.group(1)
        )
    ]


def links(html: str) -> list[tuple[str, str]]:
    return [(href, text) for href, text, _current in menu(html)]


def current(html: str) -> list[str]:
    return [href for href, _text, is_current in menu(html) if is_current]


def page(language: str, english_path: str) -> Page:
    english = Page.objects.get(locale__language_code="en", url_path=f"/home/{english_path}")
    return english.get_translation(Locale.objects.get(language_code=language)).specific


ENGLISH_MENU = [
    ("/en/stories/", "Stories"),
    ("/en/videos/", "Videos"),
    ("/en/policy/social-media/", "Social media policy"),
]
SPANISH_MENU = [
    ("/es/historias/", "Historias"),
    ("/es/videos/", "Vídeos"),
    ("/es/politicas/redes-sociales/", "Política de redes sociales"),
]


def test_each_language_has_its_own_menu_from_the_page_tree(client, seeded_demo, db):
    assert links(client.get("/en/").content.decode()) == ENGLISH_MENU
    assert links(client.get("/es/").content.decode()) == SPANISH_MENU
    # Pages outside the page tree's views (search) carry the same menu in their language.
    assert links(client.get("/es/search/", {"q": "corazón"}).content.decode()) == SPANISH_MENU


def test_the_spanish_sections_and_policy_have_spanish_addresses_that_answer(
    client, seeded_demo, db
):
    stories = page("es", "stories/")
    assert stories.url == "/es/historias/"
    assert page("es", "videos/").url == "/es/videos/"
    assert page("es", "policy/").url == "/es/politicas/"
    assert page("es", "policy/social-media/").url == "/es/politicas/redes-sociales/"
    story = StoryPage.objects.child_of(stories).live().first()
    assert story.url.startswith("/es/historias/")
    for url in ("/es/historias/", story.url, "/es/politicas/redes-sociales/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="es"' in response.content.decode()
    # The English addresses are unchanged.
    assert client.get("/en/stories/").status_code == 200
    assert client.get("/en/policy/social-media/").status_code == 200


def test_the_former_spanish_addresses_redirect_permanently(client, seeded_demo, db):
    stories = page("es", "stories/")
    story = StoryPage.objects.child_of(stories).live().first()
    former_story = "/es/stories/" + story.slug + "/"
    expected = {
        "/es/stories/": "/es/historias/",
        former_story: story.url,
        "/es/stories/feed/rss/": "/es/historias/feed/rss/",
        "/es/stories/feed/atom/": "/es/historias/feed/atom/",
        "/es/policy/": "/es/politicas/",
        "/es/policy/social-media/": "/es/politicas/redes-sociales/",
    }
    for old, new in expected.items():
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old
        assert client.get(new).status_code == 200, new
    # Wagtail's redirects follow the page: a story renamed later is still reached.
    story.slug = "un-nuevo-nombre"
    story.save_revision().publish()
    assert client.get(former_story)["Location"] == "/es/historias/un-nuevo-nombre/"


def test_a_translator_renaming_a_section_leaves_redirects_for_every_page_under_it(
    client, seeded_demo, db, django_capture_on_commit_callbacks
):
    videos = page("es", "videos/")
    video = videos.get_children().live().first()
    old_video_url = video.url
    with django_capture_on_commit_callbacks(execute=True):
        videos.slug = "peliculas"
        videos.save_revision().publish()
    assert client.get("/es/peliculas/").status_code == 200
    response = client.get("/es/videos/")
    assert (response.status_code, response["Location"]) == (301, "/es/peliculas/")
    response = client.get(old_video_url)
    assert response.status_code == 301
    assert response["Location"] == old_video_url.replace("/es/videos/", "/es/peliculas/")
    assert ("/es/peliculas/", "Vídeos") in links(client.get("/es/").content.decode())


def test_the_current_section_is_marked_on_its_pages_and_below(client, seeded_demo, db):
    story = StoryPage.objects.child_of(page("es", "stories/")).live().first()
    assert current(client.get("/es/historias/").content.decode()) == ["/es/historias/"]
    assert current(client.get(story.url).content.decode()) == ["/es/historias/"]
    policy = "/es/politicas/redes-sociales/"
    assert current(client.get(policy).content.decode()) == [policy]
    english_story = StoryPage.objects.child_of(page("en", "stories/")).live().first()
    assert current(client.get(english_story.url).content.decode()) == ["/en/stories/"]
    assert current(client.get("/en/").content.decode()) == []
    assert current(client.get("/en/search/").content.decode()) == []


def render_menu(path: str, language: str) -> str:
    request = RequestFactory().get(path)
    with translation.override(language):
        return Template("{% load navigation_tags %}{% main_menu %}").render(
            Context({"request": request})
        )


@pytest.fixture(params=["locmem", "redis"])
def shared_cache(request, settings):
    """The tests' in-process cache, and Redis as production shares it between app servers."""
    if request.param == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": f"navigation-test-{uuid.uuid4().hex}",
            }
        }
    from django.core.cache import cache

    yield cache
    cache.clear()


def test_a_warm_menu_costs_no_database_query(seeded_demo, db, shared_cache):
    with CaptureQueriesContext(connection) as cold:
        first = render_menu("/es/historias/", "es")
    assert len(cold) > 0  # built from the page tree the first time
    with CaptureQueriesContext(connection) as warm:
        second = render_menu("/es/historias/", "es")
    assert len(warm) == 0, [query["sql"] for query in warm]
    assert second == first
    # The marker for the current page is worked out per request, not cached with the menu.
    with CaptureQueriesContext(connection) as other_page:
        on_videos = render_menu("/es/videos/", "es")
    assert len(other_page) == 0
    assert 'href="/es/videos/" aria-current="page"' in on_videos
    assert 'href="/es/historias/" aria-current="page"' not in on_videos
    # Each language has its own entry.
    assert "/en/stories/" in render_menu("/en/", "en")


def test_a_whole_warm_page_reads_no_menu_pages(client, seeded_demo, db):
    client.get("/es/historias/")
    with CaptureQueriesContext(connection) as warm:
        response = client.get("/es/historias/")
    assert links(response.content.decode()) == SPANISH_MENU
    # The menu's query is the one that filters on "Show in menus".
    menu_queries = [
        query["sql"] for query in warm if "show_in_menus" in query["sql"].partition("WHERE")[2]
    ]
    assert menu_queries == []


def test_unticking_show_in_menus_takes_the_page_out_of_the_menu_at_once(client, seeded_demo, db):
    assert links(client.get("/en/").content.decode()) == ENGLISH_MENU  # cached now
    videos = page("en", "videos/")
    videos.show_in_menus = False
    videos.save_revision().publish()
    assert ("/en/videos/", "Videos") not in links(client.get("/en/").content.decode())
    videos.show_in_menus = True
    videos.save_revision().publish()
    assert links(client.get("/en/").content.decode()) == ENGLISH_MENU


def test_only_live_pages_are_listed(client, seeded_demo, db):
    home = page("en", "")
    visiting = StoryIndexPage(title="Visiting us", slug="visiting", show_in_menus=True, live=False)
    home.add_child(instance=visiting)
    visiting.save_revision()  # a draft: not yet for readers
    assert "Visiting us" not in client.get("/en/").content.decode()
    visiting.save_revision().publish()
    assert ("/en/visiting/", "Visiting us") in links(client.get("/en/").content.decode())
    StoryIndexPage.objects.get(pk=visiting.pk).unpublish()
    assert "Visiting us" not in client.get("/en/").content.decode()


def test_a_page_made_private_leaves_the_menu_and_the_page_cache(seeded_demo, db, settings):
    """Privacy is set from the page's "Privacy" control, which saves no revision."""
    settings.PAGECACHE_ENABLED = True
    reader = Client()
    assert ("/en/videos/", "Videos") in links(reader.get("/en/").content.decode())
    reader.get("/en/videos/")
    assert Client().get("/en/videos/")["X-Page-Cache"] == "hit"
    restriction = page("en", "videos/").view_restrictions.create(restriction_type="login")
    assert ("/en/videos/", "Videos") not in links(Client().get("/en/").content.decode())
    response = Client().get("/en/videos/")
    assert response.status_code == 302  # to the sign-in page, not the copy cached before
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]
    restriction.delete()
    assert ("/en/videos/", "Videos") in links(Client().get("/en/").content.decode())
    assert Client().get("/en/videos/").status_code == 200
