"""Fetching other sites' pages safely, for verifying and sending Webmentions.

The addresses come from strangers, so every request is bounded and aimed only at the public
internet: the host is resolved first and refused if any of its addresses is private, loopback,
link-local, multicast or reserved (unless ``MENTIONS_ALLOWED_PRIVATE_HOSTS`` names it, for a
local test site), then the connection goes to the address that was checked — never to a second
DNS answer. Redirects are followed by hand, each hop checked the same way, up to
``MENTIONS_MAX_REDIRECTS``. The body is streamed and cut at ``MENTIONS_MAX_BYTES``; the whole
exchange must finish within ``MENTIONS_FETCH_TIMEOUT`` seconds (a page trickling bytes is too
slow too).

urllib3 (already installed with requests) rather than requests: it lets a connection go to the
checked address while sending the real host name for TLS and the Host header.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin, urlsplit

import urllib3
from django.conf import settings
from urllib3.exceptions import HTTPError, NewConnectionError
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from mentions.models import FetchProblem

REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
_RESOLVER = ThreadPoolExecutor(max_workers=4, thread_name_prefix="mentions-dns")


class FetchRefused(Exception):
    """The fetch did not happen or did not finish; ``problem`` says why."""

    def __init__(self, problem: FetchProblem, detail: str = "") -> None:
        super().__init__(detail or problem.label)
        self.problem = problem


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def _setting(name: str, default):
    return getattr(settings, name, default)


def timeout_seconds() -> float:
    return float(_setting("MENTIONS_FETCH_TIMEOUT", 5))


def max_bytes() -> int:
    return int(_setting("MENTIONS_MAX_BYTES", 1024 * 1024))


def user_agent() -> str:
    return f"{settings.WAGTAIL_SITE_NAME} Webmention (+{settings.WAGTAILADMIN_BASE_URL})"


def is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def checked_address(host: str, port: int, deadline: float) -> str:
    """The address to connect to for ``host``: public, or a host the settings allow."""
    allowed = {name.lower() for name in _setting("MENTIONS_ALLOWED_PRIVATE_HOSTS", ())}
    # The system resolver has no timeout of its own: wait for it at most the time left.
    lookup = _RESOLVER.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        answers = lookup.result(timeout=max(0.0, deadline - time.monotonic()))
    except FutureTimeout as error:
        raise FetchRefused(FetchProblem.TOO_SLOW, f"{host}: name lookup") from error
    except (OSError, UnicodeError) as error:
        raise FetchRefused(FetchProblem.UNREACHABLE, f"{host}: {error}") from error
    addresses = [answer[4][0] for answer in answers]
    if not addresses:
        raise FetchRefused(FetchProblem.UNREACHABLE, host)
    if host.lower() not in allowed and not all(_public(address) for address in addresses):
        raise FetchRefused(FetchProblem.PRIVATE_ADDRESS, host)
    return addresses[0]


def _pool(url: str, address: str, timeout: float) -> urllib3.HTTPConnectionPool:
    parts = urlsplit(url)
    options = {"timeout": urllib3.Timeout(connect=timeout, read=timeout), "retries": False}
    if parts.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            parts.port or 443,
            server_hostname=parts.hostname,
            assert_hostname=parts.hostname,
            cert_reqs="CERT_REQUIRED",
            **options,
        )
    return urllib3.HTTPConnectionPool(address, parts.port or 80, **options)


def _read_body(response: urllib3.BaseHTTPResponse, deadline: float) -> bytes:
    limit = max_bytes()
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchRefused(FetchProblem.TOO_LARGE)
    chunks: list[bytes] = []
    size = 0
    # read1: whatever arrived, at most one socket read (read() would wait to fill the chunk,
    # so a page trickling a byte at a time would never reach the deadline check).
    while chunk := response.read1(CHUNK, decode_content=True):
        size += len(chunk)
        if size > limit:
            raise FetchRefused(FetchProblem.TOO_LARGE)
        if time.monotonic() > deadline:
            raise FetchRefused(FetchProblem.TOO_SLOW)
        chunks.append(chunk)
    return b"".join(chunks)


def _one_request(
    url: str, method: str, fields: dict[str, str] | None, deadline: float
) -> tuple[urllib3.BaseHTTPResponse, urllib3.HTTPConnectionPool]:
    parts = urlsplit(url)
    if not is_web_address(url):
        raise FetchRefused(FetchProblem.BAD_ADDRESS, url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchRefused(FetchProblem.BAD_ADDRESS, url) from error
    address = checked_address(parts.hostname, port, deadline)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchRefused(FetchProblem.TOO_SLOW)
    pool = _pool(url, address, remaining)
    headers = {
        "Host": parts.netloc.rsplit("@", 1)[-1],
        "User-Agent": user_agent(),
        "Accept": "text/html, application/xhtml+xml;q=0.9, */*;q=0.1",
    }
    body = None
    if fields is not None:
        body = urlencode(fields)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    response = pool.urlopen(
        method, path, body=body, headers=headers, redirect=False, preload_content=False
    )
    return response, pool


def fetch(url: str, *, method: str = "GET", fields: dict[str, str] | None = None) -> Fetched:
    """Fetch ``url`` within the limits; raises :class:`FetchRefused` with the reason.

    A POST is never redirected (the answer is the endpoint's own).
    """
    deadline = time.monotonic() + timeout_seconds()
    redirects = int(_setting("MENTIONS_MAX_REDIRECTS", 3))
    current = url
    try:
        for _hop in range(redirects + 1):
            response, pool = _one_request(current, method, fields, deadline)
            try:
                location = response.headers.get("Location")
                if method == "GET" and response.status in REDIRECTS and location:
                    current = urljoin(current, location)
                    continue
                content_type = response.headers.get("Content-Type", "").split(";")[0]
                return Fetched(
                    url=current,
                    status=response.status,
                    content_type=content_type.strip().lower(),
                    headers=list(response.headers.items()),
                    body=_read_body(response, deadline),
                )
            finally:
                response.close()
                pool.close()
    except NewConnectionError as error:  # a subclass of urllib3's timeout error, but refused
        raise FetchRefused(FetchProblem.UNREACHABLE, str(error)) from error
    except (Urllib3Timeout, TimeoutError) as error:
        raise FetchRefused(FetchProblem.TOO_SLOW, str(error)) from error
    except (HTTPError, OSError) as error:
        raise FetchRefused(FetchProblem.UNREACHABLE, str(error)) from error
    raise FetchRefused(FetchProblem.TOO_MANY_REDIRECTS, url)
