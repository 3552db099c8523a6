"""Private documents on local disk: stored outside MEDIA_ROOT, served only to permitted staff."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from tests.media_support import PDF_BYTES, consent_collection, upload_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("local_media")]


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def wagtail_serve_url(document) -> str:
    return reverse("wagtaildocs_serve", args=[document.id, document.filename])


@pytest.fixture
def consent_form(admin_user, client_for, client):
    document = upload_document(client_for(admin_user), "Consent Ward 7", consent_collection())
    client.logout()
    return document


def test_consent_form_is_stored_outside_media_root(consent_form, local_media):
    assert consent_form.file.name.startswith("private/documents/")
    assert (local_media / "private" / "documents" / consent_form.filename).read_bytes() == (
        PDF_BYTES
    )
    assert not list((local_media / "media").rglob("*.pdf"))


def test_private_document_links_to_the_permission_checked_view(consent_form):
    assert consent_form.url == reverse(
        "private_document", args=[consent_form.id, consent_form.filename]
    )


@pytest.mark.parametrize("route", [lambda doc: doc.url, wagtail_serve_url])
def test_anonymous_readers_are_sent_to_log_in(consent_form, client, route):
    response = client.get(route(consent_form))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")


@pytest.mark.parametrize("route", [lambda doc: doc.url, wagtail_serve_url])
def test_authors_are_refused(consent_form, author, client_for, route):
    assert client_for(author).get(route(consent_form)).status_code == 403


@pytest.mark.parametrize("role", ["reviewer", "comms", "admin_user"])
def test_permitted_staff_download_the_form(consent_form, request, client_for, role):
    staff = client_for(request.getfixturevalue(role))
    # Wagtail's own route hands over to the permission-checked view.
    response = staff.get(wagtail_serve_url(consent_form))
    assert response.status_code == 302
    assert response["Location"] == consent_form.url
    response = staff.get(consent_form.url)
    assert response.status_code == 200
    assert body(response) == PDF_BYTES
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_wrong_filename_is_not_found(consent_form, reviewer, client_for):
    url = reverse("private_document", args=[consent_form.id, "other.pdf"])
    assert client_for(reviewer).get(url).status_code == 404


def test_public_documents_still_reach_readers(admin_user, client_for, client, local_media):
    leaflet = upload_document(
        client_for(admin_user), "Visiting hours", Collection.get_first_root_node()
    )
    client.logout()
    assert leaflet.file.name.startswith("documents/")
    assert (local_media / "media" / leaflet.file.name).exists()
    assert leaflet.url == wagtail_serve_url(leaflet)
    response = client.get(leaflet.url)
    assert response.status_code == 200
    assert body(response) == PDF_BYTES
    # The private view hands public documents back to Wagtail's route.
    response = client.get(reverse("private_document", args=[leaflet.id, leaflet.filename]))
    assert response.status_code == 302
    assert response["Location"] == leaflet.url


def test_moving_a_document_into_a_private_collection_moves_its_file(
    admin_user, client_for, client, local_media
):
    editor = client_for(admin_user)
    document = upload_document(editor, "Signed form", Collection.get_first_root_node())
    public_path = local_media / "media" / document.file.name
    response = editor.post(
        reverse("wagtaildocs:edit", args=[document.id]),
        {"title": document.title, "collection": consent_collection().pk},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.file.name.startswith("private/documents/")
    assert not public_path.exists()
    assert (local_media / "private" / "documents" / document.filename).read_bytes() == PDF_BYTES
    client.logout()
    assert client.get(wagtail_serve_url(document)).status_code == 302


def test_a_collection_made_private_takes_its_documents_along(admin_user, client_for, local_media):
    press = Collection.get_first_root_node().add_child(name="Press kit")
    document = upload_document(client_for(admin_user), "Press release", press)
    assert not document.is_private

    restriction = CollectionViewRestriction.objects.create(
        collection=press, restriction_type=CollectionViewRestriction.LOGIN
    )
    document.refresh_from_db()
    assert document.is_private
    assert document.file.name.startswith("private/documents/")
    assert not list((local_media / "media").rglob("*.pdf"))

    restriction.delete()
    document.refresh_from_db()
    assert document.file.name.startswith("documents/")
    assert (local_media / "media" / document.file.name).read_bytes() == PDF_BYTES
    assert not list((local_media / "private").rglob("*.pdf"))


def test_deleting_a_consent_form_removes_its_file(
    consent_form, local_media, django_capture_on_commit_callbacks
):
    stored = local_media / "private" / "documents" / consent_form.filename
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        consent_form.delete()
    assert not stored.exists()


def test_admin_pages_link_private_documents_to_the_checked_view(
    consent_form, admin_user, client_for
):
    editor = client_for(admin_user)
    listing = editor.get(reverse("wagtaildocs:index"))
    assert listing.status_code == 200
    edit = editor.get(reverse("wagtaildocs:edit", args=[consent_form.id]))
    assert edit.status_code == 200
    assert consent_form.url.encode() in edit.content
    assert b"/media/" not in edit.content
