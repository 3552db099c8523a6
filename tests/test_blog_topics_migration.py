"""The upgrade from free tags: each tag becomes a topic in its page's language, near-duplicates
merge (their addresses redirect), and saved revisions keep their topics."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from blog.models import StoryPage, Topic
from tests.blog_factories import make_story, story_index, translate

BEFORE = [("blog", "0004_topics")]


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_free_tags_become_topics_per_language_with_merges(client, home_page, spanish):
    index = story_index(home_page)
    heart = make_story(index, "New valve")
    rehab = make_story(index, "Back on my feet")
    spanish_heart = translate(heart, spanish, title="Válvula nueva")
    latest = [(heart.pk, "en"), (rehab.pk, "en"), (spanish_heart.pk, "es")]
    leaf = MigrationExecutor(connection).loader.graph.leaf_nodes("blog")

    executor = migrate(BEFORE)
    try:
        apps = executor.loader.project_state(BEFORE).apps
        Tag = apps.get_model("taggit", "Tag")
        StoryTag = apps.get_model("blog", "StoryTag")
        Revision = apps.get_model("wagtailcore", "Revision")
        tags = {
            name: Tag.objects.create(name=name, slug=name.replace(" ", "-"))
            for name in ["surgery", "heart surgery", "cardiac rehab", "nursing"]
        }
        filed = {
            heart.pk: ["surgery", "heart surgery"],
            rehab.pk: ["cardiac rehab", "nursing"],
            spanish_heart.pk: ["heart surgery"],
        }
        for page_pk, names in filed.items():
            for name in names:
                StoryTag.objects.create(content_object_id=page_pk, tag=tags[name])
            revision = Revision.objects.filter(object_id=str(page_pk)).latest("pk")
            revision.content["tagged_items"] = [
                {"pk": None, "tag": tags[name].pk, "content_object": page_pk} for name in names
            ]
            revision.save(update_fields=["content"])
    finally:
        migrate(leaf)

    english = {topic.slug: topic for topic in Topic.objects.filter(locale__language_code="en")}
    assert sorted(english) == ["nursing", "rehabilitation", "surgery"]
    assert english["surgery"].former_slugs == ["heart-surgery"]
    assert english["rehabilitation"].former_slugs == ["cardiac-rehab"]
    assert english["rehabilitation"].name == "cardiac rehab"  # Communications may rename it
    spanish_surgery = Topic.objects.get(locale=spanish, slug="surgery")
    assert spanish_surgery.translation_key == english["surgery"].translation_key

    for page_pk, language in latest:
        page = StoryPage.objects.get(pk=page_pk)
        draft = page.get_latest_revision_as_object()
        for topics in (page.tags.all(), draft.tags.all()):
            assert {topic.locale.language_code for topic in topics} == {language}
    assert [t.slug for t in StoryPage.objects.get(pk=heart.pk).tags.all()] == ["surgery"]
    assert sorted(t.slug for t in StoryPage.objects.get(pk=rehab.pk).tags.all()) == [
        "nursing",
        "rehabilitation",
    ]

    response = client.get("/en/stories/", {"tag": "heart-surgery"})
    assert (response.status_code, response["Location"]) == (301, "/en/stories/?tag=surgery")
    response = client.get("/en/stories/tag/cardiac-rehab/feed/rss/")
    assert response["Location"] == "/en/stories/tag/rehabilitation/feed/rss/"
