"""Media that a live page uses change only through an administrator (readers see reviewed text).

An image that is the hero of a live story, and a document linked from one, cannot be edited,
replaced, re-pointed or deleted by Authors, Clinical reviewers or Communications through any
admin path; each refusal says why, changes nothing and is logged. Administrators still can, and
Authors still upload, edit and use their own new images.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry

from private_media.rules import REFUSED_ACTION
from tests.blog_factories import make_story, story_index
from tests.media_support import png_bytes, upload_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("local_media")]

ROLES = ["author", "reviewer", "comms"]
REFUSAL = "is used by live pages"


@pytest.fixture
def hero(author, client_for, client):
    """An image the author uploaded, then used as the hero of a live story."""
    response = client_for(author).post(
        reverse("wagtailimages:add"),
        {
            "title": "Ward garden",
            "file": SimpleUploadedFile("ward-garden.png", png_bytes(), "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    client.logout()
    return get_image_model().objects.get(title="Ward garden")


@pytest.fixture
def live_story(hero, home_page):
    return make_story(story_index(home_page), "Night shift", image=hero)


def snapshot(obj) -> tuple:
    obj = type(obj).objects.get(pk=obj.pk)
    with obj.file.open("rb") as stored:
        content = stored.read()
    extra = [getattr(obj, name, None) for name in ("description", "focal_point_x")]
    return (obj.title, obj.collection_id, obj.file.name, content, *extra)


def refused(obj, user) -> bool:
    return ModelLogEntry.objects.filter(
        action=REFUSED_ACTION, object_id=str(obj.pk), user=user
    ).exists()


def image_data(image, **changes) -> dict:
    data = {
        "title": image.title,
        "description": image.description,
        "collection": image.collection_id,
        "tags": "",
        "focal_point_x": "",
        "focal_point_y": "",
        "focal_point_width": "",
        "focal_point_height": "",
    }
    data.update(changes)
    return data


CHANGES = {
    "title": {"title": "Someone else's garden"},
    "alt text": {"description": "A protest outside the hospital"},
    "file": {"file": SimpleUploadedFile("other.png", png_bytes((60, 60)), "image/png")},
    "focal point": {
        "focal_point_x": "5",
        "focal_point_y": "5",
        "focal_point_width": "4",
        "focal_point_height": "4",
    },
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("change", list(CHANGES))
def test_editing_a_live_hero_image_is_refused(live_story, hero, request, client_for, role, change):
    user = request.getfixturevalue(role)
    before = snapshot(hero)
    response = client_for(user).post(
        reverse("wagtailimages:edit", args=[hero.pk]), image_data(hero, **CHANGES[change])
    )
    if role == "author":
        assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert "Night shift" in response.content.decode()
    assert snapshot(hero) == before
    assert refused(hero, user)


@pytest.mark.parametrize("role", ROLES)
def test_the_multiple_uploader_edit_is_refused(live_story, hero, request, client_for, role):
    user = request.getfixturevalue(role)
    before = snapshot(hero)
    data = {f"image-{hero.pk}-{key}": value for key, value in image_data(hero).items()}
    data[f"image-{hero.pk}-title"] = "Renamed from the uploader"
    response = client_for(user).post(reverse("wagtailimages:edit_multiple", args=[hero.pk]), data)
    assert response.json()["success"] is False
    assert REFUSAL in response.json()["form"]
    assert snapshot(hero) == before
    assert refused(hero, user)


@pytest.mark.parametrize("role", ROLES)
def test_deleting_a_live_hero_image_is_refused(live_story, hero, request, client_for, role):
    user = request.getfixturevalue(role)
    editor = client_for(user)
    response = editor.post(reverse("wagtailimages:delete", args=[hero.pk]), follow=True)
    assert REFUSAL in response.content.decode()
    response = editor.post(reverse("wagtailimages:delete_multiple", args=[hero.pk]))
    assert response.status_code == 403
    assert REFUSAL in response.json()["error_message"]
    assert get_image_model().objects.filter(pk=hero.pk).exists()
    assert refused(hero, user)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("action", "data"),
    [("delete", {}), ("add_tags", {"tags": "garden"}), ("add_to_collection", None)],
)
def test_bulk_actions_on_a_live_hero_image_are_refused(
    live_story, hero, request, client_for, role, action, data
):
    user = request.getfixturevalue(role)
    if data is None:
        data = {"collection": Collection.get_first_root_node().add_child(name="Wards").pk}
    before = snapshot(hero)
    url = reverse("wagtail_bulk_action", args=["wagtailimages", "image", action])
    response = client_for(user).post(f"{url}?id={hero.pk}&next=/admin/images/", data, follow=True)
    assert get_image_model().objects.filter(pk=hero.pk).exists()
    assert snapshot(hero) == before
    assert list(get_image_model().objects.get(pk=hero.pk).tags.names()) == []
    assert REFUSAL in response.content.decode()
    assert refused(hero, user)


def test_the_live_page_keeps_showing_the_reviewed_image(live_story, hero, author, client_for):
    rendition_before = hero.get_rendition("fill-100x100").file.name
    client_for(author).post(
        reverse("wagtailimages:edit", args=[hero.pk]),
        image_data(hero, file=SimpleUploadedFile("new.png", png_bytes((90, 50)), "image/png")),
    )
    hero.refresh_from_db()
    assert (hero.width, hero.height) == (40, 30)
    assert hero.get_rendition("fill-100x100").file.name == rendition_before


def test_administrators_can_replace_a_live_image(live_story, hero, admin_user, client_for):
    new_bytes = png_bytes((60, 60))
    response = client_for(admin_user).post(
        reverse("wagtailimages:edit", args=[hero.pk]),
        image_data(hero, file=SimpleUploadedFile("new.png", new_bytes, "image/png")),
    )
    assert response.status_code == 302
    hero.refresh_from_db()
    assert (hero.width, hero.height) == (60, 60)
    assert snapshot(hero)[3] == new_bytes


def test_authors_upload_edit_and_choose_their_own_new_image(author, client_for, hero):
    editor = client_for(author)
    # No live page uses the hero yet (no story): its owner may still correct it.
    response = editor.post(
        reverse("wagtailimages:edit", args=[hero.pk]), image_data(hero, title="Ward garden, May")
    )
    assert response.status_code == 302
    hero.refresh_from_db()
    assert hero.title == "Ward garden, May"
    chooser = editor.get(reverse("wagtailimages_chooser:choose"))
    assert b"Ward garden, May" in chooser.content


def test_an_image_used_only_by_a_draft_stays_editable(hero, home_page, author, client_for):
    make_story(story_index(home_page), "Draft story", image=hero, live=False)
    response = client_for(author).post(
        reverse("wagtailimages:edit", args=[hero.pk]), image_data(hero, title="Better title")
    )
    assert response.status_code == 302


def test_authors_edit_only_their_own_images(hero, second_author, client_for):
    response = client_for(second_author).post(
        reverse("wagtailimages:edit", args=[hero.pk]), image_data(hero, title="Not mine")
    )
    assert response.status_code in (302, 403)
    hero.refresh_from_db()
    assert hero.title == "Ward garden"


@pytest.fixture
def linked_leaflet(admin_user, client_for, client, home_page):
    """A public document linked from the body of a live story."""
    leaflet = upload_document(
        client_for(admin_user), "Visiting hours", Collection.get_first_root_node()
    )
    client.logout()
    link = f'<p>See <a linktype="document" id="{leaflet.pk}">visiting hours</a>.</p>'
    make_story(story_index(home_page), "Visiting", body=[("text", link)])
    return leaflet


@pytest.mark.parametrize("role", ["reviewer", "comms"])
def test_documents_linked_from_live_pages_are_refused(linked_leaflet, request, client_for, role):
    user = request.getfixturevalue(role)
    editor = client_for(user)
    before = snapshot(linked_leaflet)
    response = editor.post(
        reverse("wagtaildocs:edit", args=[linked_leaflet.pk]),
        {
            "title": "Visiting hours (changed)",
            "collection": linked_leaflet.collection_id,
            "tags": "",
            "file": SimpleUploadedFile("hours.pdf", b"%PDF-1.4\n% new hours\n%%EOF\n"),
        },
    )
    assert REFUSAL in response.content.decode()
    response = editor.post(reverse("wagtaildocs:delete", args=[linked_leaflet.pk]), follow=True)
    assert REFUSAL in response.content.decode()
    response = editor.post(reverse("wagtaildocs:delete_multiple", args=[linked_leaflet.pk]))
    assert response.status_code == 403
    assert REFUSAL in response.json()["error_message"]
    url = reverse("wagtail_bulk_action", args=["private_media", "clinicdocument", "delete"])
    response = editor.post(f"{url}?id={linked_leaflet.pk}&next=/admin/documents/", follow=True)
    assert REFUSAL in response.content.decode()
    assert snapshot(linked_leaflet) == before
    assert refused(linked_leaflet, user)
