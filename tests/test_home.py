"""The base template and the home page: landmarks, language, error pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_to_readers_language(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").headers["Location"] == "/en/"


def test_home_page_has_landmarks_and_skip_link(client, home_page):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'href="#main"' in html
    assert home_page.hero_heading in html


def test_public_pages_load_nothing_from_other_hosts(client, home_page):
    html = client.get("/en/").content.decode()
    assert "//fonts." not in html
    assert "cdn" not in html.lower()
    assert "<script>" not in html and "style=" not in html


def test_unknown_page_is_friendly_404(client, home_page):
    response = client.get("/en/no-such-story/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()


def test_robots_points_to_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body
