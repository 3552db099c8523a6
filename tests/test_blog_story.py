"""The story page: bounded queries, social meta, structured data, consent, related stories."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import StoryPage
from tests.blog_factories import make_image, make_story, story_index, translate
from tests.workflow_factories import make_consent, storyteller_approves

pytestmark = pytest.mark.django_db

# Everything a story page does, comments section included (measured: 20 on SQLite); it must
# not grow with the number of tags or related stories.
STORY_PAGE_MAX_QUERIES = 25


@pytest.fixture
def index(home_page):
    return story_index(home_page)


def rich_body():
    return [
        ("text", "<p>" + "word " * 450 + "</p>"),
        ("pull_quote", {"quote": "They explained every step.", "attribution": "Tomás"}),
        (
            "image",
            {"image": make_image("Ward"), "alt_text": "An empty ward at dawn", "caption": "Ward 7"},
        ),
        (
            "video",
            {
                "video_url": "https://youtu.be/dQw4w9WgXcQ",
                "title": "Meet the team",
                "thumbnail": make_image("Team still"),
                "duration": "2:14",
                "captions_available": True,
                "captions_language": "en",
                "transcript": "<p>Hello from the ward.</p>",
            },
        ),
    ]


def story_with_neighbours(index, count: int) -> StoryPage:
    """A story with `count` tags, and `count` other stories sharing some of them."""
    tags = [f"topic-{n}" for n in range(count)]
    for n in range(count):
        make_story(index, f"Neighbour {n}", tags=tags[: n + 1])
    return make_story(index, "The story", tags=tags, body=rich_body())


def test_story_page_query_count_does_not_depend_on_tags_or_related_stories(client, home_page):
    """One tag and one related story, then 30 of each: the same queries, within the bound."""
    counts = []
    for count in (1, 30):
        index = story_index(home_page)
        story = story_with_neighbours(index, count)
        assert client.get(story.url).status_code == 200  # renditions are made on first view
        with CaptureQueriesContext(connection) as queries:
            response = client.get(story.url)
        assert response.status_code == 200
        assert len(response.context["related_stories"]) == min(count, 3)
        assert len(response.context["tags"]) == count
        counts.append(len(queries))
        index.get_children().delete()
    assert counts[0] == counts[1] <= STORY_PAGE_MAX_QUERIES, counts


def test_open_graph_twitter_and_canonical_meta(client, index):
    story = make_story(index, "A new heart rhythm", summary="How the team explained.")
    html = client.get(story.url).content.decode()
    url = story.get_full_url()
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="A new heart rhythm">' in html
    assert '<meta property="og:description" content="How the team explained.">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.startswith("http") and ".fill-1200x630" in image
    assert '<meta property="og:image:alt" content="A corridor of the hospital at dawn">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta name="twitter:image" content="{image}">' in html


def test_json_ld_article_is_data_and_escapes_reader_visible_text(client, index):
    story = make_story(index, "Hope </script><script>alert(1)</script>", byline="Ana & Luis")
    html = client.get(story.url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "Article"
    assert data["headline"] == story.title
    assert data["author"] == {"@type": "Person", "name": "Ana & Luis"}
    assert data["url"] == story.get_full_url()
    assert data["image"].startswith("http")
    assert "<script>alert(1)" not in html  # escaped in the title, the meta and the JSON
    assert "\\u003C/script\\u003E" in blocks[0]


def test_share_links_are_plain_links_without_third_party_scripts(client, index):
    story = make_story(index, "Share me")
    html = client.get(story.url).content.decode()
    share = html.split('class="share-links"', 1)[1].split("</ul>", 1)[0]
    encoded = "http%3A%2F%2Flocalhost%2Fen%2Fstories%2F" + story.slug
    assert 'href="mailto:?subject=Share%20me&amp;body=' in share
    assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in share
    assert "https://www.linkedin.com/sharing/share-offsite/?url=" in share
    assert "https://x.com/intent/post?url=" in share
    for tag in re.findall(r"<script[^>]*>", html):
        assert 'src="/static/' in tag or "ld+json" in tag, tag
    assert "<iframe" not in html


def test_story_page_shows_byline_reading_time_topics_and_reviewed_line(client, index):
    story = make_story(index, "Long story", tags=["surgery"], body=rich_body(), byline="")
    html = client.get(story.url).content.decode()
    assert "Told by Anonymous" in html
    assert "3 minute read" in html  # 450 words of text, 4 of quote, 2 of caption
    assert '<a class="tag" href="/en/stories/?tag=surgery">surgery</a>' in html
    assert "Clinically reviewed by" not in html
    assert '<script src="/static/blog/video-facade.js" defer></script>' in html
    StoryPage.objects.filter(pk=story.pk).update(
        reviewed_by_name="Dr Samir Patel",
        last_reviewed_at=timezone.make_aware(datetime.datetime(2026, 3, 14, 10, 0)),
    )
    html = client.get(story.url).content.decode()
    assert "Clinically reviewed by Dr Samir Patel on March 14, 2026" in html


def test_related_stories_share_topics_first_then_newest_never_itself(index):
    now = timezone.now()
    old_match = make_story(
        index, "Old, two shared", tags=["a", "b"], published_at=now - datetime.timedelta(days=9)
    )
    one_shared = make_story(
        index, "One shared", tags=["a"], published_at=now - datetime.timedelta(days=5)
    )
    newest = make_story(
        index, "Newest, none shared", tags=["z"], published_at=now - datetime.timedelta(days=1)
    )
    make_story(
        index, "Older, none shared", tags=["y"], published_at=now - datetime.timedelta(days=20)
    )
    make_story(index, "Draft, all shared", tags=["a", "b"], live=False)
    story = make_story(index, "The story", tags=["a", "b"], published_at=now)
    assert story.related_stories() == [old_match, one_shared, newest]
    lonely = make_story(index, "No tags")
    assert [s.title for s in lonely.related_stories()] == [
        "The story",
        "Newest, none shared",
        "One shared",
    ]


def test_related_stories_stay_in_the_page_language(index, spanish):
    english = make_story(index, "English", tags=["a"])
    other = make_story(index, "Other English", tags=["a"])
    spanish_story = translate(english, spanish)
    assert english.related_stories() == [other]
    assert spanish_story.related_stories() == []


def test_review_blockers_need_valid_consent_for_patient_stories(index):
    staff = make_story(index, storyteller_type="staff")
    assert staff.review_blockers() == []
    for kind in ("patient", "family", "friend"):
        story = make_story(index, storyteller_type=kind, consent_record=None)
        assert story.review_blockers() == [
            "A story told by or about a patient needs a linked consent record "
            "before it can be approved."
        ]
        consent = make_consent(f"Person {kind}")
        story.consent_record = consent
        assert story.review_blockers() == ["The storyteller has not approved this version yet."]
        story.save_revision()
        storyteller_approves(story)
        assert story.review_blockers() == []
        consent.expires_on = timezone.localdate() - datetime.timedelta(days=1)
        consent.scope_web_stories = False
        reasons = story.review_blockers()
        assert len(reasons) == 2
        assert all(reason.startswith(f"Consent record {consent.reference}: ") for reason in reasons)


def test_summary_alt_text_and_storyteller_are_required(index):
    story = StoryPage(title="Incomplete", slug="incomplete", body=[("text", "<p>Hi</p>")])
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=story)
    assert {"summary", "storyteller_type", "hero_alt", "hero_image"} <= set(
        error.value.message_dict
    )
    story = StoryPage(
        title="Too long",
        slug="too-long",
        summary="x" * 301,
        storyteller_type="staff",
        hero_image=make_image(),
        hero_alt="A door",
        body=[("text", "<p>Hi</p>")],
    )
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=story)
    assert set(error.value.message_dict) == {"summary"}


def test_consent_record_is_never_shown_to_the_public(client, index):
    story = make_story(index, "About a patient", storyteller_type="patient")
    html = client.get(story.url).content.decode()
    assert story.consent_record.person_name not in html
    assert "consent record" not in html.lower()
