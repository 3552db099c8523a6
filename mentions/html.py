"""Reading other sites' HTML: the links in it, its title, its Webmention endpoint."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup
from django.utils.text import Truncator

from mentions.fetch import Fetched
from mentions.models import TITLE_MAX_LENGTH

_DEFAULT_PORTS = {"http": 80, "https": 443}
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_LINK_VALUE = re.compile(r"<([^>]*)>([^,]*(?:\"[^\"]*\"[^,]*)*)")
_LINK_PARAM = re.compile(r';\s*([^=;,\s]+)\s*=\s*(?:"([^"]*)"|([^;,\s]*))')


def normalise(url: str) -> str:
    """One spelling per address: scheme and host lowercased, no default port, no fragment."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        return ""
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def parse(fetched: Fetched) -> BeautifulSoup:
    return BeautifulSoup(fetched.text(), "html.parser")


def _base_url(soup: BeautifulSoup, page_url: str) -> str:
    base = soup.find("base", href=True)
    return urljoin(page_url, base["href"].strip()) if base else page_url


def links(soup: BeautifulSoup, page_url: str) -> set[str]:
    """Every <a href> of the page, absolute and normalised."""
    base = _base_url(soup, page_url)
    return {
        normalise(urljoin(base, anchor["href"].strip())) for anchor in soup.find_all("a", href=True)
    }


def title(soup: BeautifulSoup) -> str:
    """The page's <title> as plain text on one line, shortened (escaped where it is shown)."""
    element = soup.find("title")
    if element is None:
        return ""
    text = " ".join(_CONTROL_CHARACTERS.sub(" ", element.get_text()).split())
    return Truncator(text).chars(TITLE_MAX_LENGTH)


def _is_webmention(rel: str | list[str] | None) -> bool:
    values = rel.split() if isinstance(rel, str) else (rel or [])
    return "webmention" in (value.lower() for value in values)


def _endpoint_from_headers(fetched: Fetched) -> str | None:
    for name, value in fetched.headers:
        if name.lower() != "link":
            continue
        for target, params in _LINK_VALUE.findall(value):
            for key, quoted, bare in _LINK_PARAM.findall(params):
                if key.lower() == "rel" and _is_webmention(quoted or bare):
                    return urljoin(fetched.url, target.strip())
    return None


def endpoint(fetched: Fetched) -> str | None:
    """The target's Webmention endpoint (W3C discovery): the HTTP Link header first, then the
    first <link> or <a> with rel="webmention" in the page; relative addresses resolved."""
    found = _endpoint_from_headers(fetched)
    if found is not None or not fetched.is_html:
        return found
    soup = parse(fetched)
    for element in soup.find_all(["link", "a"], href=True):
        if _is_webmention(element.get("rel")):
            return urljoin(fetched.url, element["href"].strip())
    return None
