"""A stand-in for other websites, on 127.0.0.1, for the Webmention tests (nothing leaves the
machine). Pages are set per test; a few behave badly on purpose: slow, trickling, huge.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

HUGE_SIZE = 2 * 1024 * 1024  # twice the default limit


@dataclass
class Page:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


class StandInSite:
    """Pages by path; ``received`` lists the Webmentions posted to ``/webmention``."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.received: list[dict[str, str]] = []
        self.stop = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def page(self, path: str, html: str, **options) -> str:
        self.pages[path] = Page(html.encode(), **options)
        return self.url(path)

    def linking_page(self, path: str, target: str, title: str = "A nurse's blog") -> str:
        """An HTML page (title escaped as HTML requires) with a link to ``target``."""
        from django.utils.html import escape

        return self.page(
            path,
            f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
            f'<p>I read <a href="{escape(target)}">this story</a> today.</p></body></html>',
        )


def _handler(site: StandInSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def _send_headers(self, status: int, content_type: str, length: int | None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if length is not None:
                self.send_header("Content-Length", str(length))
            self.send_header("Connection", "close")

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            try:
                if path == "/slow":  # says nothing until the test ends
                    site.stop.wait(30)
                elif path == "/trickle":  # a byte at a time, never finishing in time
                    self._send_headers(200, "text/html", None)
                    self.end_headers()
                    while not site.stop.wait(0.05):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                elif path.startswith("/huge"):
                    declared = path == "/huge-declared"
                    self._send_headers(200, "text/html", HUGE_SIZE if declared else None)
                    self.end_headers()
                    for _ in range(HUGE_SIZE // 65536):
                        self.wfile.write(b"<p>" + b"x" * 65529 + b"</p>")
                elif path in site.pages:
                    page = site.pages[path]
                    self._send_headers(page.status, page.content_type, len(page.body))
                    for name, value in page.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(page.body)
                else:
                    self._send_headers(404, "text/plain", 9)
                    self.end_headers()
                    self.wfile.write(b"not found")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            fields = parse_qs(self.rfile.read(length).decode())
            if self.path == "/webmention":
                site.received.append({name: values[0] for name, values in fields.items()})
                self._send_headers(202, "text/plain", 8)
                self.end_headers()
                self.wfile.write(b"accepted")
            else:
                self._send_headers(405, "text/plain", 0)
                self.end_headers()

    return Handler


@contextmanager
def stand_in_site() -> Iterator[StandInSite]:
    site = StandInSite()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stop.set()
        site.server.shutdown()
        site.server.server_close()
        thread.join(timeout=5)


def closed_port_url() -> str:
    """An address on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/gone"
