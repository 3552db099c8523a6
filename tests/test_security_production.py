"""The public edge as production serves it: gunicorn, 2 workers, production settings, checked
from outside over HTTP (README "Security").

One trusted proxy is simulated: every request says it came from ``CLIENT`` in
X-Forwarded-For and over HTTPS in X-Forwarded-Proto (trusted from 127.0.0.1 only, gunicorn's
FORWARDED_ALLOW_IPS default). No REDIS_URL: the comment limit must hold across the two
workers through the database alone.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings

from comments.models import Comment
from tests.blog_factories import make_story, story_index
from tests.conftest import PASSWORD, make_user
from tests.server_support import ROOT, free_port, manage, server_database_url

CLIENT = "203.0.113.50"
SEARCH_WORD = "oncologyzebra"
HOST = "localhost"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres(
        reason="gunicorn reads the test database, which SQLite keeps in this process's memory"
    ),
]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Site:
    def __init__(self, port: int, log: Path) -> None:
        self.port, self.log = port, log

    def request(self, path, data=None, headers=None, user_agent="Reader/1.0"):
        """(status, headers, body) of one request on a new connection, as from ``CLIENT``."""
        sent = {
            "Host": HOST,
            "User-Agent": user_agent,
            "X-Forwarded-For": CLIENT,
            "X-Forwarded-Proto": "https",
            **(headers or {}),
        }
        body = urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", body, sent)
        try:
            with OPENER.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()


def _wait_until_up(site: Site, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            if site.request("/health/")[0] == 200:
                return
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"gunicorn did not start:\n{site.log.read_text()[-3000:]}")
        time.sleep(0.3)


@pytest.fixture
def site(tmp_path):
    """gunicorn as the Dockerfile runs it (gunicorn.conf.py), with 2 workers and its logs."""
    database_url = server_database_url()
    if database_url is None:
        pytest.fail("the production check needs the PostgreSQL test database (DATABASE_URL)")
    env = {
        **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "production-check-" + "k" * 40,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        "TRUSTED_PROXY_COUNT": "1",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "-",
        "PORT": str(free_port()),
    }
    collected = manage("collectstatic", "--no-input", "--verbosity", "0", env=env, timeout=300)
    assert collected.returncode == 0, collected.stderr
    log = tmp_path / "gunicorn.log"
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    command = [gunicorn, "clinic_site.wsgi:application", "--bind", f"127.0.0.1:{env['PORT']}"]
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
        running = Site(int(env["PORT"]), log)
        try:
            _wait_until_up(running, server)
            yield running
        finally:
            server.terminate()
            server.wait(timeout=30)


def _form_fields(html: str) -> dict[str, str]:
    form = re.search(r'<form class="comment-form".*?</form>', html, re.S).group(0)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    return {name: html_lib.unescape(value) for name, value in fields.items()}


def _sign_in(site: Site, username: str, password: str) -> tuple[int, dict]:
    """One sign-in attempt on the admin's form, as a browser over HTTPS behind the proxy."""
    status, headers, body = site.request("/admin/login/")
    assert status == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
    data = {"csrfmiddlewaretoken": token, "username": username, "password": password}
    sent = {"Cookie": f"csrftoken={cookie}", "Origin": f"https://{HOST}"}
    status, headers, _body = site.request("/admin/login/", data, sent)
    return status, headers


def test_production_edge_over_http(site, home_page):
    story = make_story(story_index(home_page), "A long night on ward 7")
    make_user("admin", superuser=True)

    # Security headers on a reader's page and the comment form.
    for path in ("/en/", story.url, f"/en/comments/{story.pk}/new/"):
        status, headers, _body = site.request(path)
        assert status == 200, path
        policy = headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert "unsafe-inline" not in policy and "*" not in policy, path
        assert "camera=()" in headers["Permissions-Policy"], path
        assert headers["X-Frame-Options"] == "DENY", path
        assert "max-age=" in headers["Strict-Transport-Security"], path
        assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"]), path
    assert site.request(f"/en/search/?q={SEARCH_WORD}")[0] == 200

    # Twelve comments from one address, rotating User-Agents, each from a fresh form, sent in
    # parallel so both workers take some: at most the limit is accepted, the rest told to wait.
    forms = [_form_fields(site.request(f"/en/comments/{story.pk}/new/")[2]) for _ in range(12)]
    time.sleep(3.5)  # a person takes longer than the form's minimum fill time

    def send(number: int) -> tuple[int, str]:
        data = {**forms[number], "name": "Sam", "body": f"Comment number {number}", "email": ""}
        status, _headers, body = site.request(
            f"/en/comments/{story.pk}/post/", data, user_agent=f"Browser/{number}"
        )
        return status, body

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(send, range(12)))
    statuses = [status for status, _body in results]
    accepted = sorted(f"Comment number {n}" for n, s in enumerate(statuses) if s == 302)
    assert statuses.count(302) == 5, statuses
    assert statuses.count(429) == 7, statuses
    assert all("Please try again later" in body for status, body in results if status == 429)
    assert sorted(Comment.objects.values_list("body", flat=True)) == accepted

    # A form already accepted is refused when replayed.
    first_accepted = statuses.index(302)
    replay = {**forms[first_accepted], "name": "Sam", "body": "Again", "email": ""}
    assert site.request(f"/en/comments/{story.pk}/post/", replay)[0] in (409, 429)
    assert Comment.objects.count() == 5

    # Login lockout (django-axes, keyed on the same client address): five wrong passwords,
    # then the right one is refused too, with how long to wait.
    statuses = [_sign_in(site, "admin", "not the password")[0] for _ in range(5)]
    assert statuses[:4] == [200] * 4, statuses
    status, headers = _sign_in(site, "admin", PASSWORD)
    assert status == 429
    assert int(headers["Retry-After"]) > 0
    assert "sessionid" not in headers.get("Set-Cookie", "")

    # Logs: JSON lines (gunicorn's and Django's), with no query string or client address.
    time.sleep(0.5)
    lines = [line for line in site.log.read_text().splitlines() if line.strip()]
    entries = [json.loads(line) if line.startswith("{") else line for line in lines]
    access = [e for e in entries if isinstance(e, dict) and e.get("logger") == "gunicorn.access"]
    requests = [e for e in entries if isinstance(e, dict) and e.get("message") == "request"]
    assert any(e["path"] == "/en/search/" for e in requests)
    assert any("/en/search/" in e["message"] for e in access)
    log_text = site.log.read_text()
    for secret in (SEARCH_WORD, "?q=", CLIENT, "Browser/", "Comment number", "not the password"):
        assert secret not in log_text, secret
    assert all(isinstance(e, dict) for e in entries), [e for e in entries if isinstance(e, str)]
