"""Every public page of the demo, in both languages, is valid HTML that follows the site rules.

A page is parsed with html5lib, which implements the WHATWG parsing algorithm and reports its
parse errors (unclosed or stray tags, duplicate attributes, a missing doctype…); then the rules
of the developers' guide are checked on the tree: one ``<h1>``, alt text on every image, a
label on every form control, no inline script but JSON-LD, no ``style=``, nothing loaded from
another host, and ids that are unique and that labels and ARIA references can find.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import html5lib
import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.quality_support import (
    LANGUAGES,
    PublicPage,
    missing_kinds,
    public_pages,
)

# What a page loads by itself, as (element, attribute); <link> is handled by its rel.
LOADED_ATTRIBUTES = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("frame", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
]
LOADED_LINK_RELS = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "manifest",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")

# The test database is only created for a session with a test marked django_db.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def rendered(seeded_demo, django_db_blocker) -> dict[str, list[tuple[PublicPage, int, str]]]:
    """Each language's public pages with the status and HTML they answered (fetched once)."""
    client = Client()
    pages: dict[str, list[tuple[PublicPage, int, str]]] = {}
    with django_db_blocker.unblock():
        for language in LANGUAGES:
            listed = public_pages(language)
            story = next((page for page in listed if page.kind == "story"), None)
            if story:
                # The comment form shown again with its errors: a page of its own.
                address = f"/{language}/comments/{story.page_id}/post/"
                listed.append(PublicPage("comment form, with errors", address))
            pages[language] = []
            for page in listed:
                if page.kind.startswith("comment form"):
                    response = client.post(page.path, {"name": "", "body": ""})
                else:
                    response = client.get(page.path)
                pages[language].append((page, response.status_code, response.content.decode()))
    return pages


def soups(rendered, language: str):
    for page, _status, html in rendered[language]:
        yield page, BeautifulSoup(html, "html5lib")


def problems_report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


def is_other_host(url: str) -> bool:
    """True for an address on another host; relative and data: addresses are this site's."""
    url = url.strip()
    if url.startswith("data:") or not url:
        return False
    parts = urlsplit(url if not url.startswith("//") else f"http:{url}")
    return bool(parts.netloc) and parts.hostname != "testserver"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_page_exists_in_the_demo(rendered, language):
    listed = [page for page, _status, _html in rendered[language]]
    missing = missing_kinds(listed, language)
    assert not missing, f"seed_demo gives no {language!r} page of these kinds: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_answer_with_the_expected_status_and_content(rendered, language):
    problems = []
    for page, status, html in rendered[language]:
        if status != page.status:
            problems.append(f"{page.path} ({page.kind}): answered {status}, not {page.status}")
        elif (
            page.expect_text
            and BeautifulSoup(html, "html5lib").find(string=re.compile(re.escape(page.expect_text)))
            is None
        ):
            problems.append(f"{page.path} ({page.kind}): does not show {page.expect_text!r}")
    assert not problems, problems_report(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_parse_without_html_errors(rendered, language):
    problems = []
    for page, _status, html in rendered[language]:
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(html)
        lines = html.splitlines()
        for (line, column), code, data in parser.errors:
            source = lines[line - 1][max(0, column - 60) : column + 20] if line else ""
            problems.append(f"{page.path}:{line}:{column}: {code} {data or ''} near {source!r}")
    assert not problems, problems_report(problems)


def one_h1(soup: BeautifulSoup) -> list[str]:
    headings = [h.get_text(" ", strip=True) for h in soup.find_all("h1")]
    if len(headings) != 1:
        return [f"{len(headings)} <h1> elements {headings}"]
    return [] if headings[0] else ["the <h1> is empty"]


def alt_text_on_every_image(soup: BeautifulSoup) -> list[str]:
    return [
        f"<img src={image.get('src')!r}> has no alt"
        for image in soup.find_all("img")
        if not image.has_attr("alt")
    ]


def has_label(control, soup) -> bool:
    control_id = control.get("id")
    if control_id and soup.find("label", attrs={"for": control_id}):
        return True
    if control.find_parent("label"):
        return True
    if control.get("aria-label", "").strip():
        return True
    labelled_by = control.get("aria-labelledby", "").split()
    return bool(labelled_by) and all(soup.find(id=ref) for ref in labelled_by)


def a_label_on_every_form_control(soup: BeautifulSoup) -> list[str]:
    problems = []
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.name == "input" and control.get("type", "text") in UNLABELLED_INPUT_TYPES:
            continue
        if not has_label(control, soup):
            problems.append(f"<{control.name} name={control.get('name')!r}>")
    return problems


def no_inline_script_but_json_ld(soup: BeautifulSoup) -> list[str]:
    problems = []
    for script in soup.find_all("script"):
        if not script.has_attr("src") and script.get("type") != "application/ld+json":
            problems.append(f"inline script {(script.string or '')[:60]!r}")
    for element in soup.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        if handlers:
            problems.append(f"<{element.name}> has event handler {handlers}")
    return problems


def no_inline_styles(soup: BeautifulSoup) -> list[str]:
    problems = [
        f"<{element.name} style={element['style']!r}>" for element in soup.find_all(style=True)
    ]
    for element in soup.find_all("style"):
        problems.append(f"<style> element {(element.string or '')[:60]!r}")
    return problems


def nothing_loaded_from_another_host(soup: BeautifulSoup) -> list[str]:
    """Links a reader clicks may go anywhere; what the page loads by itself stays here."""
    loaded = []
    for tag, attribute in LOADED_ATTRIBUTES:
        for element in soup.find_all(tag, attrs={attribute: True}):
            value = element[attribute]
            urls = (
                [part.split()[0] for part in value.split(",")] if "srcset" in attribute else [value]
            )
            loaded += [(f"<{tag} {attribute}>", url) for url in urls if url.strip()]
    for link in soup.find_all("link", href=True):
        rels = {rel.lower() for rel in link.get("rel", [])}
        if rels & LOADED_LINK_RELS:
            loaded.append((f"<link rel={' '.join(sorted(rels))}>", link["href"]))
    for element in soup.find_all("meta", attrs={"http-equiv": True}):
        if element["http-equiv"].lower() == "refresh":
            loaded.append(("<meta refresh>", element.get("content", "").split("=", 1)[-1]))
    for element in soup.find_all(style=True):
        loaded += [("style url()", url) for url in CSS_URL.findall(element["style"])]
    return [f"{where} {url}" for where, url in loaded if is_other_host(url)]


def ids_unique_and_found_by_references(soup: BeautifulSoup) -> list[str]:
    problems = []
    ids = [element["id"] for element in soup.find_all(id=True)]
    duplicates = sorted({value for value in ids if ids.count(value) > 1})
    if duplicates:
        problems.append(f"duplicate ids {duplicates}")
    known = set(ids)
    for attribute in ("for", "aria-labelledby", "aria-describedby", "aria-controls"):
        for element in soup.find_all(attrs={attribute: True}):
            refs = element[attribute]
            refs = refs.split() if isinstance(refs, str) else refs
            missing = [ref for ref in refs if ref not in known]
            if missing:
                problems.append(f"<{element.name} {attribute}> → no id {missing}")
    for anchor in soup.find_all("a", href=re.compile(r"^#.")):
        if anchor["href"][1:] not in known:
            problems.append(f"link to missing fragment {anchor['href']}")
    return problems


# The site rules each page's tree is checked against: each gives that page's problems.
RULES = [
    one_h1,
    alt_text_on_every_image,
    a_label_on_every_form_control,
    no_inline_script_but_json_ld,
    no_inline_styles,
    nothing_loaded_from_another_host,
    ids_unique_and_found_by_references,
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_every_page_follows_the_rule(rendered, language, rule):
    problems = [
        f"{page.path}: {problem}"
        for page, soup in soups(rendered, language)
        for problem in rule(soup)
    ]
    assert not problems, problems_report(problems)
