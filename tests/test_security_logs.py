"""Private logs: JSON request lines with a request id and nothing personal; every private
document download in the audit log."""

from __future__ import annotations

import json
import logging
import os

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from clinic_site.request_log import JsonFormatter
from private_media.views import DOWNLOADED_ACTION
from tests.comments_support import form_data, post_url
from tests.media_support import consent_collection, upload_document
from tests.server_support import python

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"


@pytest.fixture
def request_log(settings, caplog):
    """Production's request log, switched on for a fresh client; the lines as JSON."""
    settings.REQUEST_LOG_ENABLED = True
    caplog.set_level(logging.INFO, logger="clinic_site.requests")
    formatter = JsonFormatter()

    def lines() -> list[str]:
        return [formatter.format(record) for record in caplog.records]

    return lines


def test_each_request_is_one_json_line_with_its_id_and_no_query(request_log, story):
    reader = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT="Secret-Browser/1.0")
    search = reader.get("/en/search/", {"q": "chemotherapy"})
    posted = reader.post(
        post_url(story), form_data(body="My private words.", email="me@example.org")
    )

    lines = request_log()
    entries = [json.loads(line) for line in lines if '"message": "request"' in line]
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("GET", "/en/search/", 200),
        ("POST", post_url(story), 302),
    ]
    assert [e["request_id"] for e in entries] == [search["X-Request-ID"], posted["X-Request-ID"]]
    assert all(isinstance(e["duration_ms"], float) for e in entries)
    everything = "\n".join(lines)
    for secret in ("chemotherapy", "q=", ADDRESS, "Secret-Browser", "private words", "@"):
        assert secret not in everything


def test_a_request_id_from_our_proxy_is_kept_and_anything_else_replaced(client):
    assert client.get("/health/", HTTP_X_REQUEST_ID="edge-1234abcd")["X-Request-ID"] == (
        "edge-1234abcd"
    )
    replaced = client.get("/health/", HTTP_X_REQUEST_ID='x"\n{"evil": 1}')["X-Request-ID"]
    assert len(replaced) == 32 and replaced.isalnum()


def test_logged_exceptions_keep_their_type_and_stack_but_not_their_message():
    try:
        raise ValueError("refused recipient jo@example.org")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "mail failed", None, None)
        import sys

        record.exc_info = sys.exc_info()
    entry = json.loads(JsonFormatter().format(record))
    assert entry["exception"]["type"] == "builtins.ValueError"
    assert "test_logged_exceptions" in entry["exception"]["stack"][-1]
    assert "jo@example.org" not in json.dumps(entry)


@pytest.fixture
def consent_form(admin_user, client_for, local_media):
    document = upload_document(client_for(admin_user), "Consent Ward 9", consent_collection())
    return document


def test_every_private_download_is_in_the_audit_log(
    consent_form, reviewer, author, client_for, admin_user
):
    assert client_for(author).get(consent_form.url).status_code == 403
    assert Client().get(consent_form.url).status_code == 302
    assert not ModelLogEntry.objects.filter(action=DOWNLOADED_ACTION).exists()

    response = client_for(reviewer).get(consent_form.url)
    assert response.status_code == 200
    entry = ModelLogEntry.objects.get(action=DOWNLOADED_ACTION)
    assert entry.user == reviewer
    assert entry.object_id == str(consent_form.pk)
    assert entry.label == consent_form.title
    assert entry.timestamp is not None

    history = client_for(admin_user).get("/admin/reports/site-history/")
    assert history.status_code == 200
    html = history.content.decode()
    assert "Private document downloaded" in html
    assert "Consent Ward 9" in html


ACCESS_LOG_PROBE = """
import logging, runpy
from gunicorn.config import Config
from gunicorn.glogging import Logger
config = Config()
for name, value in runpy.run_path("gunicorn.conf.py").items():
    if name in config.settings:
        config.set(name, value)
Logger(config)
print(logging.getLogger("gunicorn.access").isEnabledFor(logging.INFO))
"""


@pytest.mark.parametrize(("access_log", "written"), [("", "False"), ("-", "True")])
def test_gunicorn_writes_access_lines_only_when_asked(access_log, written):
    """With gunicorn.conf.py's JSON logging set up, access lines are off unless
    GUNICORN_ACCESS_LOG is set (README "Logs and private downloads")."""
    env = {**os.environ, "GUNICORN_ACCESS_LOG": access_log}
    probe = python("-c", ACCESS_LOG_PROBE, env=env, timeout=60)
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == written
