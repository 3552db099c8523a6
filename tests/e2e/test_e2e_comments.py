"""The comment form in a real browser, under the site's Content-Security-Policy.

The story page carries no form (it is shared by the page cache): "Write a comment" brings the
form in place with the comments script, or opens the form's own page without JavaScript.
"""

from __future__ import annotations

import pytest

from comments.models import Comment
from tests.e2e.browser_support import csp_reports

pytestmark = [pytest.mark.django_db, pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def no_fill_wait(monkeypatch):
    """The live server runs in this process: a person's minimum fill time is not waited for."""
    monkeypatch.setattr("comments.antispam.MIN_FILL_SECONDS", 0)


def test_write_a_comment_brings_the_form_in_place_and_sends_it(
    demo_site, browser_page, no_fill_wait
):
    page, requests = browser_page
    reports = csp_reports(page)
    story = demo_site.first("en", "story")
    page.goto(story.path, wait_until="load")
    assert page.locator("form.comment-form").count() == 0
    assert page.context.cookies() == []

    page.click(".comments__write-link")
    page.locator("form.comment-form").wait_for()
    assert page.url.endswith(story.path), "the reader stays on the story"
    assert page.evaluate("document.activeElement.id") == "comment_name"
    page.fill("#comment_name", "Browser reader")
    page.fill("#comment_body", "Thank you, this story helped me before my own operation.")
    page.click("form.comment-form button[type=submit]")
    page.wait_for_url("**/comments/*/sent/")

    assert "Thanks — your comment will appear after review." in page.content()
    comment = Comment.objects.get(name="Browser reader")
    assert comment.page_id == story.page_id
    assert comment.status == Comment.Status.PENDING
    assert reports == []
    assert not requests.elsewhere()


def test_without_javascript_the_link_opens_the_forms_own_page(demo_site, browser):
    context = browser.new_context(base_url=demo_site.url, java_script_enabled=False)
    try:
        page = context.new_page()
        story = demo_site.first("en", "story")
        page.goto(story.path)
        page.click(".comments__write-link")
        page.locator("form.comment-form").wait_for()
        assert page.url.endswith(f"/en/comments/{story.page_id}/new/")
    finally:
        context.close()
