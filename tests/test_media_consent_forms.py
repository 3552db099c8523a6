"""Consent forms stay private and unchanged: no move out, no file swap, invisible to Authors.

Every path goes through the real admin views over HTTP as each role; a refused attempt leaves
the document byte-for-byte as it was and is recorded in the audit log.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, ModelLogEntry

from private_media.rules import REFUSED_ACTION
from tests.media_support import consent_collection, upload_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("local_media")]

FORGED_BYTES = b"%PDF-1.4\n% a forged consent form\n%%EOF\n"
EDITORS = ["reviewer", "comms"]


@pytest.fixture
def consent_form(admin_user, client_for, client):
    document = upload_document(client_for(admin_user), "Consent Maria Lopez", consent_collection())
    client.logout()
    return document


def snapshot(document) -> tuple:
    """Everything a refused edit must leave alone, the file's bytes included."""
    document = get_document_model().objects.get(pk=document.pk)
    with document.file.open("rb") as stored:
        content = stored.read()
    return (document.title, document.collection_id, document.file.name, content)


def refusals(document, user) -> int:
    return ModelLogEntry.objects.filter(
        action=REFUSED_ACTION, object_id=str(document.pk), user=user
    ).count()


def edit(client, document, **changes):
    data = {"title": document.title, "collection": document.collection_id, "tags": ""}
    data.update(changes)
    return client.post(reverse("wagtaildocs:edit", args=[document.pk]), data)


@pytest.mark.parametrize("role", EDITORS)
def test_editors_cannot_move_a_consent_form_to_a_public_collection(
    consent_form, request, client_for, client, role
):
    user = request.getfixturevalue(role)
    before = snapshot(consent_form)
    response = edit(client_for(user), consent_form, collection=Collection.get_first_root_node().pk)
    assert response.status_code == 200
    assert "Only administrators can move a document into or out of a private collection" in (
        response.content.decode()
    )
    assert snapshot(consent_form) == before
    assert refusals(consent_form, user) == 1
    client.logout()
    served = client.get(reverse("wagtaildocs_serve", args=[consent_form.pk, consent_form.filename]))
    assert served.status_code == 302  # to the login page, never the file
    assert reverse("wagtailadmin_login") in served["Location"]


@pytest.mark.parametrize("role", EDITORS)
def test_editors_cannot_move_a_public_document_into_the_consent_collection(
    request, client_for, role, admin_user
):
    user = request.getfixturevalue(role)
    leaflet = upload_document(
        client_for(admin_user), "Visiting hours", Collection.get_first_root_node()
    )
    before = snapshot(leaflet)
    response = edit(client_for(user), leaflet, collection=consent_collection().pk)
    assert "Only administrators can move a document" in response.content.decode()
    assert snapshot(leaflet) == before
    assert refusals(leaflet, user) == 1


@pytest.mark.parametrize("role", EDITORS)
def test_editors_cannot_replace_a_signed_form(consent_form, request, client_for, role):
    user = request.getfixturevalue(role)
    before = snapshot(consent_form)
    response = edit(
        client_for(user), consent_form, file=SimpleUploadedFile("forged.pdf", FORGED_BYTES)
    )
    assert response.status_code == 200
    assert "cannot be replaced: a signed consent form is final" in response.content.decode()
    assert snapshot(consent_form) == before
    assert refusals(consent_form, user) == 1


def test_editors_may_still_retitle_a_consent_form(consent_form, reviewer, client_for):
    response = edit(client_for(reviewer), consent_form, title="Consent M. Lopez (ward 7)")
    assert response.status_code == 302
    consent_form.refresh_from_db()
    assert consent_form.title == "Consent M. Lopez (ward 7)"
    assert consent_form.file.name.startswith("private/documents/")


def test_authors_cannot_open_move_or_replace_a_consent_form(consent_form, author, client_for):
    before = snapshot(consent_form)
    editor = client_for(author)
    assert editor.get(reverse("wagtaildocs:edit", args=[consent_form.pk])).status_code != 200
    response = edit(
        editor,
        consent_form,
        collection=Collection.get_first_root_node().pk,
        file=SimpleUploadedFile("forged.pdf", FORGED_BYTES),
    )
    assert response.status_code in (302, 403)
    assert b"Consent Maria Lopez" not in response.content
    assert snapshot(consent_form) == before


def test_authors_cannot_upload_into_the_consent_collection(author, client_for):
    editor = client_for(author)
    # Authors are offered no collection at all: "Consent forms" is not theirs to choose.
    form = editor.get(reverse("wagtaildocs:add"))
    assert b'name="collection"' not in form.content
    document = upload_document(editor, "Consent by author", consent_collection())
    assert document.collection == Collection.get_first_root_node()
    assert document.collection != consent_collection()


def test_authors_see_no_consent_form_anywhere(consent_form, author, client_for):
    editor = client_for(author)
    secrets = [consent_form.title.encode(), consent_form.filename.encode()]
    pages = [
        editor.get(reverse("wagtaildocs:index")),
        editor.get(reverse("wagtaildocs:index"), {"q": "Consent"}),
        editor.get(
            reverse("wagtaildocs:index_results"), {"collection_id": consent_collection().pk}
        ),
        editor.get(reverse("wagtaildocs_chooser:choose")),
        editor.get(reverse("wagtaildocs_chooser:choose_results"), {"q": "Maria"}),
        editor.get(reverse("wagtailadmin_api:documents:listing")),
    ]
    for response in pages:
        assert response.status_code == 200
        for secret in secrets:
            assert secret not in response.content
    for url in [
        reverse("wagtaildocs:edit", args=[consent_form.pk]),
        reverse("wagtaildocs:document_usage", args=[consent_form.pk]),
        reverse("wagtaildocs_chooser:chosen", args=[consent_form.pk]),
        consent_form.url,
    ]:
        response = editor.get(url)
        assert response.status_code in (302, 403), url
        for secret in secrets:
            assert secret not in response.content


@pytest.mark.parametrize("role", EDITORS)
def test_reviewers_and_communications_see_and_choose_consent_forms(
    consent_form, request, client_for, role
):
    editor = client_for(request.getfixturevalue(role))
    assert consent_form.title.encode() in editor.get(reverse("wagtaildocs:index")).content
    chooser = editor.get(reverse("wagtaildocs_chooser:choose_results"), {"q": "Maria"})
    assert consent_form.title.encode() in chooser.content
    usage = editor.get(reverse("wagtaildocs:document_usage", args=[consent_form.pk]))
    assert usage.status_code == 200


def test_reviewers_upload_a_signed_form_into_the_consent_collection(reviewer, client_for):
    document = upload_document(client_for(reviewer), "Consent Ana Ruiz", consent_collection())
    assert document.file.name.startswith("private/documents/")
    assert document.uploaded_by_user == reviewer


def test_administrators_can_move_out_and_replace_a_consent_form(
    consent_form, admin_user, client_for, local_media
):
    editor = client_for(admin_user)
    response = edit(editor, consent_form, file=SimpleUploadedFile("rescan.pdf", FORGED_BYTES))
    assert response.status_code == 302
    assert snapshot(consent_form)[3] == FORGED_BYTES
    response = edit(editor, consent_form, collection=Collection.get_first_root_node().pk)
    assert response.status_code == 302
    consent_form.refresh_from_db()
    assert consent_form.file.name.startswith("documents/")
    assert (local_media / "media" / consent_form.file.name).read_bytes() == FORGED_BYTES
    assert ModelLogEntry.objects.filter(action=REFUSED_ACTION).count() == 0


@pytest.mark.parametrize("role", EDITORS)
def test_bulk_moving_a_consent_form_out_is_refused(consent_form, request, client_for, role):
    user = request.getfixturevalue(role)
    before = snapshot(consent_form)
    url = reverse(
        "wagtail_bulk_action", args=["private_media", "clinicdocument", "add_to_collection"]
    )
    response = client_for(user).post(
        f"{url}?id={consent_form.pk}&next=/admin/documents/",
        {"collection": Collection.get_first_root_node().pk},
        follow=True,
    )
    assert "Only administrators can move a document" in response.content.decode()
    assert snapshot(consent_form) == before
    assert refusals(consent_form, user) == 1


def test_an_administrator_bulk_move_takes_the_file_along(admin_user, client_for, local_media):
    editor = client_for(admin_user)
    leaflet = upload_document(editor, "Signed later", Collection.get_first_root_node())
    url = reverse(
        "wagtail_bulk_action", args=["private_media", "clinicdocument", "add_to_collection"]
    )
    editor.post(
        f"{url}?id={leaflet.pk}&next=/admin/documents/", {"collection": consent_collection().pk}
    )
    leaflet.refresh_from_db()
    assert leaflet.collection == consent_collection()
    assert leaflet.file.name.startswith("private/documents/")
    assert not list((local_media / "media").rglob("*.pdf"))


def test_the_consent_collection_has_its_own_grants():
    granted = {
        (grant.group.name, grant.permission.codename)
        for grant in GroupCollectionPermission.objects.filter(collection=consent_collection())
    }
    assert granted == {
        (group, codename)
        for group in ["Clinical reviewers", "Communications"]
        for codename in ["add_document", "change_document", "choose_document"]
    }
