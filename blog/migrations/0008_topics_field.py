"""Topics: the pages' topic fields start their editor form from topics that still exist (state only)."""

import blog.topics
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('blog', '0007_topic_permissions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='storypage',
            name='tags',
            field=blog.topics.TopicsField(blank=True, help_text='A comma-separated list of tags.', through='blog.StoryTag', to='blog.Topic', verbose_name='topics'),
        ),
        migrations.AlterField(
            model_name='videopage',
            name='tags',
            field=blog.topics.TopicsField(blank=True, help_text='A comma-separated list of tags.', through='blog.VideoTag', to='blog.Topic', verbose_name='topics'),
        ),
    ]
