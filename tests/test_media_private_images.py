"""No image is ever kept in a private collection: image files are always public.

Consent forms are documents. Every way an image could reach "Consent forms" — the add form,
the multiple uploader, the edit form's collection, the bulk "add to collection" — is refused
with a clear message, for administrators too, and nothing lands under original_images/.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry

from private_media.rules import REFUSED_ACTION
from tests.media_support import consent_collection, png_bytes, upload_image

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("local_media")]

REFUSAL = "Images cannot be kept in the private collection"


def stored_images(local_media) -> list:
    return list((local_media / "media").rglob("*.png"))


def upload(title: str = "Signed form photo") -> dict:
    return {
        "title": title,
        "file": SimpleUploadedFile("signed-form.png", png_bytes(), "image/png"),
        "collection": consent_collection().pk,
    }


def test_the_add_form_refuses_a_private_collection(admin_user, client_for, local_media):
    response = client_for(admin_user).post(reverse("wagtailimages:add"), upload())
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not get_image_model().objects.exists()
    assert stored_images(local_media) == []
    # A refused upload has no image yet: it is logged against the collection aimed at.
    assert ModelLogEntry.objects.filter(
        action=REFUSED_ACTION, object_id=str(consent_collection().pk), user=admin_user
    ).exists()


@pytest.mark.parametrize("role", ["author", "reviewer", "comms"])
def test_editors_are_not_offered_the_private_collection(request, client_for, role, local_media):
    editor = client_for(request.getfixturevalue(role))
    Collection.get_first_root_node().add_child(name="Wards")
    form = editor.get(reverse("wagtailimages:add"))
    assert b"Wards" in form.content
    assert b"Consent forms" not in form.content
    response = editor.post(reverse("wagtailimages:add"), upload())
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert stored_images(local_media) == []


def test_the_multiple_uploader_refuses_a_private_collection(admin_user, client_for, local_media):
    response = client_for(admin_user).post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("signed-form.png", png_bytes(), "image/png"),
            "collection": consent_collection().pk,
        },
    )
    assert response.json()["success"] is False
    assert REFUSAL in response.json()["error_message"]
    assert not get_image_model().objects.exists()
    assert stored_images(local_media) == []


def test_moving_an_image_into_a_private_collection_is_refused(admin_user, client_for):
    editor = client_for(admin_user)
    image = upload_image(editor, "Ward garden")
    response = editor.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": image.title, "collection": consent_collection().pk, "tags": ""},
    )
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    image.refresh_from_db()
    assert image.collection == Collection.get_first_root_node()
    assert ModelLogEntry.objects.filter(
        action=REFUSED_ACTION, object_id=str(image.pk), user=admin_user
    ).exists()


def test_the_uploader_edit_form_refuses_a_private_collection(admin_user, client_for):
    editor = client_for(admin_user)
    image = upload_image(editor, "Ward garden")
    response = editor.post(
        reverse("wagtailimages:edit_multiple", args=[image.pk]),
        {
            f"image-{image.pk}-title": image.title,
            f"image-{image.pk}-collection": consent_collection().pk,
            f"image-{image.pk}-tags": "",
        },
    )
    assert response.json()["success"] is False
    assert REFUSAL in response.json()["form"]
    image.refresh_from_db()
    assert image.collection == Collection.get_first_root_node()


def test_bulk_add_to_a_private_collection_is_refused(admin_user, client_for):
    editor = client_for(admin_user)
    image = upload_image(editor, "Ward garden")
    url = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "add_to_collection"])
    response = editor.post(
        f"{url}?id={image.pk}&next=/admin/images/",
        {"collection": consent_collection().pk},
        follow=True,
    )
    assert REFUSAL in response.content.decode()
    image.refresh_from_db()
    assert image.collection == Collection.get_first_root_node()
    assert ModelLogEntry.objects.filter(action=REFUSED_ACTION, object_id=str(image.pk)).exists()


def test_images_still_go_into_public_collections(admin_user, client_for, local_media):
    wards = Collection.get_first_root_node().add_child(name="Wards")
    editor = client_for(admin_user)
    image = upload_image(editor, "Ward garden")
    url = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "add_to_collection"])
    editor.post(f"{url}?id={image.pk}&next=/admin/images/", {"collection": wards.pk})
    image.refresh_from_db()
    assert image.collection == wards
    assert len(stored_images(local_media)) == 1


def test_refusals_are_listed_in_the_site_history(admin_user, client_for):
    editor = client_for(admin_user)
    image = upload_image(editor, "Ward garden")
    editor.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": image.title, "collection": consent_collection().pk, "tags": ""},
    )
    history = editor.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Media change refused" in history
    assert "Refused: image collection." in history
    assert "Ward garden" in history
