"""The story listing: twelve per page, combinable filters, junk never a server error."""

import re

import pytest

from tests.blog_factories import make_story, make_video, story_index, translate, video_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return story_index(home_page)


def listed_titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_listing_shows_twelve_stories_per_page_newest_first(client, index):
    stories = [make_story(index, f"Story {n:02d}") for n in range(13)]
    first = client.get("/en/stories/")
    assert first.status_code == 200
    titles = listed_titles(first.content.decode())
    assert titles == [s.title for s in reversed(stories)][:12]
    second = client.get("/en/stories/?page=2")
    assert listed_titles(second.content.decode()) == ["Story 00"]
    html = first.content.decode()
    assert '<nav class="pagination" aria-label="Pages">' in html
    assert '<a href="/en/stories/" aria-current="page">' in html
    assert '<a href="?page=2" rel="next">' in html
    page_two = second.content.decode()
    assert '<a href="?page=2" aria-current="page">' in page_two
    assert '<a href="/en/stories/" rel="prev">' in page_two  # page 1 has no number


@pytest.mark.parametrize("junk", ["abc", "1.5", "", "%00", "1e3", "<script>"])
def test_a_page_number_that_is_not_a_number_shows_the_first_page(client, index, junk):
    make_story(index, "Only story")
    response = client.get("/en/stories/", {"page": junk})
    assert response.status_code == 200
    assert listed_titles(response.content.decode()) == ["Only story"]


@pytest.mark.parametrize("number", ["0", "-1", "2", "99999999999999999999999"])
def test_a_page_number_out_of_range_is_not_found(client, index, number):
    """The rule of every public list (clinic_site.pagination), the search results' too."""
    make_story(index, "Only story")
    assert client.get("/en/stories/", {"page": number}).status_code == 404


def test_filters_by_topic_and_storyteller_combine(client, index):
    make_story(index, "Heart surgery", tags=["surgery", "cardiology"], storyteller_type="patient")
    make_story(index, "Theatre nurse", tags=["surgery"], storyteller_type="staff")
    make_story(index, "Night shift", tags=["nursing"], storyteller_type="staff")

    def titles(**params):
        response = client.get("/en/stories/", params)
        assert response.status_code == 200
        return sorted(listed_titles(response.content.decode()))

    assert titles(tag="surgery") == ["Heart surgery", "Theatre nurse"]
    assert titles(storyteller="staff") == ["Night shift", "Theatre nurse"]
    assert titles(tag="surgery", storyteller="staff") == ["Theatre nurse"]
    assert titles(tag="nursing", storyteller="patient") == []
    assert titles() == ["Heart surgery", "Night shift", "Theatre nurse"]


def test_filtered_views_are_linkable_and_pages_keep_the_filters(client, index):
    for n in range(13):
        make_story(index, f"Surgery {n:02d}", tags=["surgery"])
    make_story(index, "Not about surgery", tags=["nursing"])
    html = client.get("/en/stories/?tag=surgery").content.decode()
    assert "Not about surgery" not in html
    assert 'href="?tag=surgery&amp;page=2"' in html
    assert '<option value="surgery" selected>surgery</option>' in html
    assert "13 stories" in html
    page_two = client.get("/en/stories/?tag=surgery&page=2").content.decode()
    assert listed_titles(page_two) == ["Surgery 00"]
    # The topic's own feeds are advertised with the filtered view.
    assert 'href="/en/stories/tag/surgery/feed/rss/"' in html


def test_filter_form_is_labelled_and_reports_junk_values_without_failing(client, index):
    make_story(index, "A story", tags=["surgery"])
    # An unknown topic is a 404 of its own (tests/test_blog_unknown_topic.py).
    response = client.get("/en/stories/", {"storyteller": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_tag">Topic</label>' in html
    assert '<label for="id_storyteller">Told by</label>' in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is not one of the available choices" in html
    assert 'aria-describedby="id_storyteller-error"' in html and 'aria-invalid="true"' in html
    assert listed_titles(html) == ["A story"]  # an invalid filter is ignored, not applied


def test_listing_hides_drafts_and_other_languages(client, index, spanish):
    english = make_story(index, "Published story")
    make_story(index, "Draft story", live=False)
    spanish_story = translate(english, spanish)
    spanish_story.title = "Historia publicada"
    spanish_story.save_revision().publish()
    assert listed_titles(client.get("/en/stories/").content.decode()) == ["Published story"]
    spanish_html = client.get("/es/stories/").content.decode()
    assert listed_titles(spanish_html) == ["Historia publicada"]
    assert 'lang="es"' in spanish_html


def test_video_listing_paginates_and_hides_drafts(client, home_page):
    index = video_index(home_page)
    for n in range(13):
        make_video(index, f"Video {n:02d}")
    make_video(index, "Draft video", live=False)
    html = client.get("/en/videos/").content.decode()
    assert len(listed_titles(html)) == 12 and "Draft video" not in html
    assert listed_titles(client.get("/en/videos/?page=2").content.decode()) == ["Video 00"]
    assert client.get("/en/videos/?page=3").status_code == 404
    assert client.get("/en/videos/?page=junk").status_code == 200
