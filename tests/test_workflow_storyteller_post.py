"""A browser posts the storyteller's decision with ``Origin: null``: the link's page sends no
referrer, and Chromium then gives a form post no origin. Django's CSRF check refused that with
a bare 403, so no storyteller could ever decide; the link's token is the only credential."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_decision_posted_without_an_origin_reaches_the_link_not_a_csrf_refusal():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        "/storyteller/not-a-real-token/", {"decision": "approved"}, HTTP_ORIGIN="null"
    )
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert "csrftoken" not in response.cookies
