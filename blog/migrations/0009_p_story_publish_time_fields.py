"""Reading time and schema.org data stored on each story when it is saved or published.

Existing stories get theirs here, worked out the way ``StoryPage.fill_publish_time_fields``
does, so a page served after the upgrade reads them like any other.
"""

from django.db import migrations, models

from blog.social import article_data, reading_minutes


def fill_existing_stories(apps, schema_editor):
    StoryPage = apps.get_model("blog", "StoryPage")
    StoryTag = apps.get_model("blog", "StoryTag")
    keywords: dict[int, list[str]] = {}
    for page_id, name in StoryTag.objects.order_by("tag__name").values_list(
        "content_object_id", "tag__name"
    ):
        keywords.setdefault(page_id, []).append(name)
    for story in StoryPage.objects.select_related("locale"):
        story.reading_minutes = reading_minutes(story.body.raw_data)
        story.structured_data = article_data(
            title=story.title,
            summary=story.summary,
            byline=story.byline,
            language=story.locale.language_code,
            keywords=keywords.get(story.pk, []),
            first_published_at=story.first_published_at,
            last_published_at=story.last_published_at,
        )
        story.save(update_fields=["reading_minutes", "structured_data"])


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0008_topics_field"),
    ]

    operations = [
        migrations.AddField(
            model_name="storypage",
            name="reading_minutes",
            field=models.PositiveSmallIntegerField(
                default=1, editable=False, verbose_name="reading time in minutes"
            ),
        ),
        migrations.AddField(
            model_name="storypage",
            name="structured_data",
            field=models.JSONField(
                blank=True,
                default=dict,
                editable=False,
                verbose_name="structured data (schema.org Article)",
            ),
        ),
        migrations.RunPython(fill_existing_stories, migrations.RunPython.noop),
    ]
