"""Search results: what appears, in which language, filtered, paginated, in few queries.

These run on SQLite and PostgreSQL alike; PostgreSQL-only behaviour (ranking, stemming,
accents) is in test_search_postgres.py.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import PageViewRestriction

from tests.blog_factories import (
    make_image,
    make_story,
    make_video,
    story_index,
    translate,
    video_index,
)
from tests.search_support import results, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(db):
    return make_image("Shared hero")


@pytest.fixture
def stories(home_page):
    return story_index(home_page)


def test_live_public_pages_only(client, home_page, stories, image):
    make_story(stories, "Knee replacement: back on my bike", image=image)
    draft = make_story(stories, "Knee draft never published", image=image, live=False)
    draft.live = False  # as the editor creates it; the factory's add_child leaves it live
    draft.save()
    withdrawn = make_story(stories, "Knee story whose consent was revoked", image=image)
    withdrawn.unpublish()
    private = make_story(stories, "Knee story behind a password", image=image)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    assert results(client, q="knee") == ["Knee replacement: back on my bike"]


def test_home_and_index_pages_are_not_results(client, home_page, stories, image):
    make_story(stories, "A story about stories", image=image)
    assert results(client, q="stories") == ["A story about stories"]


def test_each_language_searches_its_own_pages(client, home_page, stories, image, spanish):
    english = make_story(stories, "Knee replacement at the orthopaedic ward", image=image)
    translate(
        english,
        spanish,
        title="Prótesis de rodilla en traumatología",
        summary="Volver a caminar después de la operación.",
        text="Una noche larga en la planta.",
    )

    assert results(client, q="knee") == ["Knee replacement at the orthopaedic ward"]
    assert results(client, "es", q="rodilla") == ["Prótesis de rodilla en traumatología"]
    assert results(client, "es", q="knee") == []
    assert results(client, q="rodilla") == []


def test_results_show_type_summary_date_and_storyteller(client, home_page, stories, image):
    make_story(
        stories,
        "Twins in the NICU",
        image=image,
        storyteller_type="family",
        summary="Our twins spent six weeks in the NICU <b>and</b> came home.",
        tags=["Neonatal care"],
    )
    make_video(video_index(home_page), "A tour of the NICU", summary="Meet the NICU nurses.")

    html = search(client, q="NICU").content.decode()

    assert "Twins in the NICU" in html and "A tour of the NICU" in html
    assert '<span class="badge">Story</span>' in html
    assert '<span class="badge">Video</span>' in html
    assert "Told by: Family member" in html
    assert "Our twins spent six weeks in the <mark>NICU</mark> &lt;b&gt;and&lt;/b&gt;" in html
    assert "<time datetime=" in html
    assert 'href="/en/search/?q=NICU&amp;tag=neonatal-care">Neonatal care</a>' in html


def test_filters_combine_and_are_linkable(client, home_page, stories, image):
    make_story(
        stories,
        "Heart surgery, told by a patient",
        image=image,
        storyteller_type="patient",
        tags=["Heart"],
    )
    make_story(stories, "Heart surgery, told by a nurse", image=image, tags=["Heart"])
    make_story(stories, "Heart of the hospital: our porters", image=image, tags=["Staff life"])
    make_video(video_index(home_page), "Heart surgery explained")

    assert len(results(client, q="heart")) == 4
    assert results(client, q="heart", type="video") == ["Heart surgery explained"]
    assert sorted(results(client, q="heart", type="story", tag="heart")) == [
        "Heart surgery, told by a nurse",
        "Heart surgery, told by a patient",
    ]
    assert results(client, q="heart", storyteller="patient", tag="heart") == [
        "Heart surgery, told by a patient"
    ]
    # Filters work without words too, newest first.
    assert results(client, tag="staff-life") == ["Heart of the hospital: our porters"]

    html = search(client, q="heart", type="story", tag="heart").content.decode()
    assert 'href="/en/search/?q=heart&amp;tag=heart">Remove Type: Stories</a>' in html
    assert 'href="/en/search/?q=heart&amp;type=story">Remove Topic: Heart</a>' in html


def test_unknown_filter_values_are_reported(client, home_page, stories, image):
    make_story(stories, "Knee replacement", image=image)
    response = search(client, q="knee", type="surgery")
    assert "Select a valid choice. surgery is not one of the available choices." in (
        response.content.decode()
    )
    assert [item.title for item in response.context["items"]] == ["Knee replacement"]


def test_pagination_ten_per_page_and_edges(client, home_page, stories, image):
    for number in range(23):
        make_story(stories, f"Physiotherapy diary {number}", image=image)

    assert len(results(client, q="physiotherapy")) == 10
    assert len(results(client, q="physiotherapy", page="3")) == 3
    # The rule of every public list (clinic_site.pagination), as on /stories/: a page number
    # out of range is not found, one that is not a number shows the first page.
    for number in ("999999999999999999999", "4", "0", "-4"):
        response = client.get("/en/search/", {"q": "physiotherapy", "page": number})
        assert response.status_code == 404, number
    assert len(results(client, q="physiotherapy", page="two")) == 10
    page_one = set(results(client, q="physiotherapy"))
    page_two = set(results(client, q="physiotherapy", page="2"))
    assert not page_one & page_two
    # Each search counts once: the first page is a search, later pages are not.
    assert Query.get("physiotherapy").hits == 3  # "page" absent, "two", absent again

    html = search(client, q="physiotherapy", page="2").content.decode()
    assert "23 results for" in html
    assert "Page 2 of 3" in html
    assert 'href="/en/search/?q=physiotherapy" rel="prev"' in html
    assert 'href="/en/search/?q=physiotherapy&amp;page=3" rel="next"' in html
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2</a>' in html


def test_empty_state_suggests_topics_and_latest_stories(client, home_page, stories, image):
    make_story(stories, "Learning to walk again", image=image, tags=["Orthopaedics"])

    html = search(client).content.decode()
    assert "Find a story" in html
    assert 'href="/en/search/?tag=orthopaedics">Orthopaedics</a>' in html
    assert "Learning to walk again" in html

    html = search(client, q="xylophone").content.decode()
    assert "No results for" in html and "xylophone" in html
    assert "Check the spelling" in html
    assert "Learning to walk again" in html


def test_query_hits_are_counted_without_personal_data(client, home_page, stories, image):
    make_story(stories, "Knee replacement", image=image)
    client.get("/en/search/", {"q": "Knee  REPLACEMENT!"}, REMOTE_ADDR="203.0.113.7")
    client.get("/en/search/", {"q": "knee replacement"}, HTTP_X_FORWARDED_FOR="198.51.100.9")

    query = Query.objects.get()
    assert query.query_string == "knee replacement"
    assert query.hits == 2
    stored = repr(list(Query.objects.values())) + repr(list(QueryDailyHits.objects.values()))
    assert "203.0.113.7" not in stored and "198.51.100.9" not in stored
    field_names = {f.name for m in (Query, QueryDailyHits) for f in m._meta.get_fields()}
    assert not {"ip", "ip_address", "user", "session"} & field_names


def test_results_page_makes_a_bounded_number_of_queries(
    client, home_page, stories, image, django_assert_max_num_queries
):
    videos = video_index(home_page)
    for number in range(3):
        make_video(videos, f"Ward tour {number}", summary="A tour of the ward.")
    for number in range(12):
        make_story(
            stories,
            f"Ward story {number}",
            image=image,
            tags=["Wards", f"Tag {number}"],
            storyteller_type="patient" if number % 2 else "staff",
        )
    search(client, q="ward")  # warm caches shared by every request (content types, menu)

    # The sites and their home pages, the topics in use, promotions, the count, the results
    # (stories and videos in one query), their topics and the search's hit counter.
    with django_assert_max_num_queries(8):
        response = search(client, q="ward")
    assert len(response.context["items"]) == 10
    with django_assert_max_num_queries(8):
        search(client, q="ward", page="2")
    with django_assert_max_num_queries(8):
        search(client, tag="wards", storyteller="patient")


def test_communications_may_curate_promotions(client_for, comms, author):
    group = Group.objects.get(name="Communications")
    codenames = set(
        group.permissions.filter(content_type__app_label="wagtailsearchpromotions").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"}
    assert client_for(comms).get("/admin/searchpicks/").status_code == 200
    assert client_for(author).get("/admin/searchpicks/").status_code == 302
