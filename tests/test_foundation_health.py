"""The health endpoint tells a load balancer whether the database answers."""

import json
import os

import pytest

from tests.server_support import python


@pytest.mark.django_db
def test_health_ok_when_database_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "ok"
    # Cheap and stateless: no session, no cookies, never cached.
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_outside_the_language_prefix(client):
    assert client.get("/en/health/").status_code == 404


def test_health_503_without_stack_trace_when_database_is_down():
    """Run the real view in a process whose database address has nothing listening."""
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/health/');"
        "print(json.dumps({'code': r.status_code, 'body': r.content.decode()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.test",
        # Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
        "LOG_LEVEL": "CRITICAL",
    }
    result = python("-c", script, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["code"] == 503
    body = json.loads(answer["body"])
    assert body["status"] == "error"
    assert "Traceback" not in answer["body"] and "OperationalError" not in answer["body"]
