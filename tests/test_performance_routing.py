"""Page addresses routed in two queries (blog/serving.py) answer exactly as Wagtail's routing.

The middleware loads the site and every page on the address at once; the pages' own ``route()``
methods still decide, so sub-routes (feeds, topic feeds, policy versions), drafts, missing pages,
private pages and the other language behave as they always did.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.blog_factories import make_story, story_index, translate

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture
def story(home_page):
    return make_story(story_index(home_page), "Night shift", tags=["nursing"])


def routing_queries(path: str) -> list[str]:
    """The SQL run before the page's own work: the site and page look-ups."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    assert response.status_code == 200, path
    return [query["sql"] for query in queries.captured_queries]


def test_a_story_is_found_with_its_site_and_ancestors_in_two_queries(story, settings):
    settings.CACHES = DUMMY
    Client().get(story.url)  # renditions are made on the first view
    queries = routing_queries(story.url)
    site_queries = [sql for sql in queries if 'FROM "wagtailcore_site"' in sql]
    locale_queries = [sql for sql in queries if sql.startswith('SELECT "wagtailcore_locale"')]
    assert len(site_queries) == 1  # the site and Wagtail's site root paths
    assert locale_queries == []  # the active language's home page came with the pages
    specific_lookups = [
        sql
        for sql in queries
        if 'FROM "home_homepage"' in sql or sql.startswith('SELECT "blog_storyindexpage"')
    ]
    assert specific_lookups == []


def test_sub_routes_drafts_and_missing_pages_answer_as_before(client, story, home_page):
    index = story_index(home_page)
    assert client.get(index.url).status_code == 200
    assert client.get(f"{index.url}feed/rss/")["Content-Type"].startswith("application/rss+xml")
    assert client.get(f"{index.url}tag/nursing/feed/atom/").status_code == 200
    assert client.get(f"{index.url}tag/unknown/feed/atom/").status_code == 404
    assert client.get(f"{index.url}no-such-story/").status_code == 404
    assert client.get(f"{story.url}extra/").status_code == 404
    draft = make_story(index, "Not yet", live=False)
    assert client.get(f"{index.url}{draft.slug}/").status_code == 404
    assert client.get("/en/no/such/page/at/all/").status_code == 404


def test_a_story_under_a_private_section_asks_for_its_password(client, story, home_page):
    index = story_index(home_page)
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="ward7"
    )
    response = client.get(story.url)
    assert response.status_code == 200
    assert "ward7" not in response.content.decode()
    assert story.title not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_the_spanish_story_and_its_alternates(client, story, spanish):
    spanish_story = translate(story, spanish, title="Turno de noche")
    html = client.get(spanish_story.url).content.decode()
    assert '<html lang="es"' in html and "Turno de noche" in html
    assert f'hreflang="en" href="{story.get_full_url()}"' in html
    english = client.get(story.url).content.decode()
    assert f'hreflang="es" href="{spanish_story.get_full_url()}"' in english
    spanish_story.unpublish()
    assert client.get(spanish_story.url).status_code == 404
    assert '<link rel="alternate" hreflang="es"' not in client.get(story.url).content.decode()


def test_a_language_without_its_home_page_is_served_from_the_site_home(client, story):
    """Wagtail serves /es/ from the English tree when there is no Spanish home page."""
    response = client.get(story.url.replace("/en/", "/es/", 1))
    assert response.status_code == 200
    assert "Night shift" in response.content.decode()


@pytest.mark.postgres(reason="prepared statements are PostgreSQL's")
def test_a_page_read_again_runs_prepared_statements(story, client):
    """PostgreSQL plans the page's queries once per connection, not on every request."""
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    for _ in range(8):  # psycopg prepares a query once it has run it 5 times
        assert client.get(story.url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "wagtailcore_page"' in sql for sql in prepared), prepared
