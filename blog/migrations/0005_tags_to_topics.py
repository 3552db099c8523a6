"""Topics, step 2: every free tag on a story or video becomes a topic in the page's language.

Near-duplicates are merged into one topic ("heart surgery" into "surgery", "cardiac rehab"
into "rehabilitation"); the merged slug is kept in the surviving topic's ``former_slugs`` so
its old addresses redirect. One translation key per surviving slug, shared by every language:
a Spanish story's English tag becomes the Spanish translation of the topic, named like the
English one until Communications translate it. Saved revisions are rewritten the same way,
so drafts and history keep their topics.
"""

import uuid

from django.db import migrations
from django.utils.text import slugify

MERGED = {"heart-surgery": "surgery", "cardiac-rehab": "rehabilitation"}
TAGGED = (("storytag", "storypage"), ("videotag", "videopage"))


def surviving(slug):
    return MERGED.get(slug, slug)


def tags_to_topics(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    Topic = apps.get_model("blog", "Topic")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    tags = {tag.pk: tag for tag in Tag.objects.all()}
    names = {tag.slug: tag.name for tag in tags.values()}
    keys, topics = {}, {}

    def topic_for(locale_id, tag_id):
        tag = tags.get(tag_id)
        if tag is None:
            return None
        slug = surviving(tag.slug or slugify(tag.name, allow_unicode=True))
        if (locale_id, slug) not in topics:
            formers = sorted(old for old, new in MERGED.items() if new == slug)
            topics[(locale_id, slug)] = Topic.objects.create(
                locale_id=locale_id,
                translation_key=keys.setdefault(slug, uuid.uuid4()),
                slug=slug,
                name=names.get(slug) or tag.name,
                former_slugs=formers,
            )
        return topics[(locale_id, slug)]

    page_locales = dict(Page.objects.values_list("pk", "locale_id"))
    for through_name, _page_model in TAGGED:
        Through = apps.get_model("blog", through_name)
        seen = set()
        for item in Through.objects.order_by("pk").iterator():
            topic = topic_for(page_locales[item.content_object_id], item.tag_id)
            if topic is None or (item.content_object_id, topic.pk) in seen:
                item.delete()  # merged into a topic the page already has
                continue
            seen.add((item.content_object_id, topic.pk))
            item.topic = topic
            item.save(update_fields=["topic"])

    content_types = ContentType.objects.filter(
        app_label="blog", model__in=[page for _through, page in TAGGED]
    )
    revisions = Revision.objects.filter(content_type__in=content_types)
    for revision in revisions.iterator():
        items = revision.content.get("tagged_items") or []
        if not items:
            continue
        locale_id = revision.content.get("locale") or page_locales.get(int(revision.object_id))
        kept, seen = [], set()
        for item in items:
            topic = topic_for(locale_id, item.get("tag"))
            if topic is not None and topic.pk not in seen:
                seen.add(topic.pk)
                kept.append({**item, "tag": topic.pk})
        revision.content["tagged_items"] = kept
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0004_topics"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(tags_to_topics, migrations.RunPython.noop)]
