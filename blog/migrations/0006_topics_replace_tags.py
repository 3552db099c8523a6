"""Topics, step 3: each page's topics replace its free tags (taggit's tags stay, unused)."""

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('blog', '0005_tags_to_topics'),
    ]

    operations = [
        migrations.RemoveField(model_name='storytag', name='tag'),
        migrations.RemoveField(model_name='videotag', name='tag'),
        migrations.RenameField(model_name='storytag', old_name='topic', new_name='tag'),
        migrations.RenameField(model_name='videotag', old_name='topic', new_name='tag'),
        migrations.AlterField(
            model_name='storypage',
            name='tags',
            field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='blog.StoryTag', to='blog.Topic', verbose_name='topics'),
        ),
        migrations.AlterField(
            model_name='storytag',
            name='tag',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='blog.topic'),
        ),
        migrations.AlterField(
            model_name='videopage',
            name='tags',
            field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='blog.VideoTag', to='blog.Topic', verbose_name='topics'),
        ),
        migrations.AlterField(
            model_name='videotag',
            name='tag',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='blog.topic'),
        ),
    ]
