"""Deleting pages: administrators only, and an author their own draft that never left them.

Every path goes through the admin over HTTP as the role users: the delete view, bulk delete,
the page listing's and the editor header's menus; unpublishing stays with administrators.
"""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from tests.blog_factories import make_story
from tests.workflow_factories import edit_url, submit_for_review, workflow_action
from workflow.deletion import DELETE_REFUSED_ACTION

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(home_page, author, client_for):
    """A story its author has submitted: it awaits clinical review."""
    story = make_story(home_page, author=author, live=False)
    assert submit_for_review(client_for(author), story).status_code == 302
    return story


def delete_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def bulk_url(action: str, *pages: Page) -> str:
    ids = "&".join(f"id={page.pk}" for page in pages)
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?{ids}"


def exists(page: Page) -> bool:
    return Page.objects.filter(pk=page.pk).exists()


def refusals(page: Page) -> list[tuple[str, str]]:
    return [
        (entry.user.username, entry.data["reason"])
        for entry in PageLogEntry.objects.filter(page_id=page.pk, action=DELETE_REFUSED_ACTION)
    ]


def refusal_message(response) -> str:
    """The admin's "Nothing was deleted" message shown after this response."""
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    return next(text for text in texts if text.startswith("Nothing was deleted."))


@pytest.mark.parametrize("role", ["reviewer", "comms", "author"])
def test_nobody_but_an_administrator_deletes_a_page_in_review(role, in_review, request, client_for):
    user = request.getfixturevalue(role)
    client = client_for(user)

    for response in (client.get(delete_url(in_review)), client.post(delete_url(in_review))):
        assert response.status_code == 302
        assert response["Location"] == edit_url(in_review)
        assert exists(in_review)
        text = refusal_message(response)
        assert "submitted for review" in text or "someone else created" in text

    [(who, reason), _second] = refusals(in_review)
    assert who == user.username and reason


def test_a_reviewer_bulk_deleting_a_page_in_review_deletes_nothing(
    home_page, in_review, author, reviewer, client_for
):
    client = client_for(reviewer)
    confirm = client.get(bulk_url("delete", in_review))
    assert confirm.status_code == 200
    assert "have permission to delete" in confirm.content.decode()

    response = client.post(bulk_url("delete", in_review) + "&next=/admin/")
    assert response.status_code == 302
    assert exists(in_review)
    assert in_review.title in refusal_message(response)
    assert refusals(in_review) == [
        ("reviewer", "only administrators can delete a page that someone else created.")
    ]


def test_one_refused_page_stops_a_bulk_delete_of_an_authors_own_drafts(
    home_page, in_review, author, client_for
):
    own_draft = make_story(home_page, author=author, live=False)
    response = client_for(author).post(bulk_url("delete", own_draft, in_review) + "&next=/admin/")
    assert response.status_code == 302
    assert exists(own_draft) and exists(in_review)
    assert refusals(in_review) == [
        ("author", "only administrators can delete a page that has been submitted for review.")
    ]


def test_an_author_deletes_their_own_untouched_draft_and_nobody_elses(
    home_page, author, second_author, reviewer, client_for
):
    draft = make_story(home_page, author=author, live=False)
    for other in (second_author, reviewer):
        client_for(other).post(delete_url(draft))
        assert exists(draft)

    response = client_for(author).post(delete_url(draft))
    assert response.status_code == 302
    assert not exists(draft)
    assert PageLogEntry.objects.filter(page_id=draft.pk, action="wagtail.delete").exists()


def test_a_draft_sent_back_with_changes_requested_stays_for_administrators_to_delete(
    in_review, author, reviewer, admin_user, client_for
):
    workflow_action(client_for(reviewer), in_review, "reject", "Please check the dose.")
    client_for(author).post(delete_url(in_review))
    assert exists(in_review)
    client_for(author).post(bulk_url("delete", in_review) + "&next=/admin/")
    assert exists(in_review)

    assert client_for(admin_user).post(delete_url(in_review)).status_code == 302
    assert not exists(in_review)


def test_an_author_may_not_delete_a_draft_that_was_once_published(
    home_page, author, admin_user, client_for
):
    story = make_story(home_page, author=author)
    story.unpublish(user=admin_user)
    client_for(author).post(delete_url(story))
    assert exists(story)
    assert refusals(story) == [
        ("author", "only administrators can delete a page that has been published.")
    ]


def test_delete_is_offered_only_where_it_is_allowed(
    home_page, in_review, author, reviewer, admin_user, client_for
):
    own_draft = make_story(home_page, author=author, live=False)
    parent = in_review.get_parent()
    listing = reverse("wagtailadmin_explore", args=[parent.pk])

    reviewer_listing = client_for(reviewer).get(listing).content.decode()
    assert in_review.title in reviewer_listing
    assert delete_url(in_review) not in reviewer_listing
    assert (
        delete_url(in_review) not in client_for(reviewer).get(edit_url(in_review)).content.decode()
    )

    author_listing = client_for(author).get(listing).content.decode()
    assert delete_url(own_draft) in author_listing
    assert delete_url(in_review) not in author_listing

    assert delete_url(in_review) in client_for(admin_user).get(listing).content.decode()


def test_moving_a_page_in_review_is_refused_like_deleting_it(in_review, reviewer, client_for):
    response = client_for(reviewer).get(reverse("wagtailadmin_pages:move", args=[in_review.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("role", ["reviewer", "comms", "author"])
def test_only_administrators_unpublish(role, home_page, author, request, client_for):
    story = make_story(home_page, author=author)
    client = client_for(request.getfixturevalue(role))
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[story.pk])

    assert client.get(unpublish)["Location"] == reverse("wagtailadmin_home")
    client.post(unpublish)
    client.post(bulk_url("unpublish", story) + "&next=/admin/")
    story.refresh_from_db()
    assert story.live
