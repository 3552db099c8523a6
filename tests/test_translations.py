"""Languages: locales, the language switcher, hreflang alternates, the sitemap and Spanish UI."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale

from tests.translations_support import alternates, switcher, switcher_links, translate_home

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture
def spanish_home(home_page, spanish):
    return translate_home(home_page, spanish)


def test_both_locales_exist_after_migrate():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "es"}
    assert Locale.get_default().language_code == "en"


def test_spanish_home_page_is_served_in_spanish(client, spanish_home):
    html = client.get("/es/").content.decode()
    assert '<html lang="es"' in html
    assert "Historias de nuestro hospital" in html
    assert "Stories from our hospital" not in html
    assert "Stories from our hospital" in client.get("/en/").content.decode()


def test_spanish_interface_strings_render_at_es(client, spanish_home):
    html = client.get("/es/").content.decode()
    # (The menu's links are page titles, from the page tree: tests/test_home_navigation.py.)
    for spanish in ("Saltar al contenido principal", 'aria-label="Principal"', "Buscar historias"):
        assert spanish in html, spanish
    assert 'aria-label="Idioma"' in html
    assert "Skip to main content" not in html


def test_hreflang_alternates_are_reciprocal(client, spanish_home):
    english = alternates(client.get("/en/").content.decode())
    spanish = alternates(client.get("/es/").content.decode())
    assert english == spanish
    assert english["en"].endswith("/en/") and english["es"].endswith("/es/")
    assert english["x-default"] == english["en"]


def test_a_page_in_one_language_has_no_alternates(client, home_page):
    assert alternates(client.get("/en/").content.decode()) == {}


def test_switcher_goes_to_the_translation_and_marks_the_current_language(client, spanish_home):
    html = client.get("/en/").content.decode()
    assert switcher_links(html) == {"es": "/es/"}
    assert '<span class="language-switcher__current" lang="en" aria-current="true">English' in html
    assert "not available in this language" not in switcher(html)
    assert switcher_links(client.get("/es/").content.decode()) == {"en": "/en/"}


def test_switcher_tells_the_reader_when_it_falls_back_to_the_home_page(client, spanish_home):
    spanish_home.unpublish()
    nav = switcher(client.get("/en/").content.decode())
    assert switcher_links(nav) == {"es": "/es/"}
    assert "página de inicio: esta página no está disponible en este idioma" in nav


def test_switcher_on_a_missing_page_goes_to_the_other_home_page(client, spanish_home):
    response = client.get("/es/historia-que-no-existe/")
    assert response.status_code == 404
    assert switcher_links(response.content.decode()) == {"en": "/en/"}
    assert alternates(response.content.decode()) == {}


def test_sitemap_lists_every_language_with_its_alternates(client, spanish_home):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {
        url.findtext("s:loc", namespaces=SITEMAP_NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", namespaces=SITEMAP_NS)
        }
        for url in root.findall("s:url", namespaces=SITEMAP_NS)
    }
    english, spanish = "http://localhost/en/", "http://localhost/es/"
    assert set(entries) == {english, spanish}
    expected = {"en": english, "es": spanish, "x-default": english}
    assert entries[english] == entries[spanish] == expected
