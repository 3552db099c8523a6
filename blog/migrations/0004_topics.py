"""Topics, step 1: the Topic vocabulary, and a topic beside each page's free tag."""

import django.db.models.deletion
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('blog', '0003_videopage_consent'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='Topic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('slug', models.SlugField(allow_unicode=True, help_text="The topic's address in links and feeds (?tag=…), shared by its translations. Changing it breaks links that readers saved.", max_length=100, verbose_name='slug')),
                ('description', models.TextField(blank=True, help_text='For editors: what belongs under this topic. Not shown to readers.', verbose_name='description')),
                ('former_slugs', models.JSONField(blank=True, default=list, editable=False, help_text='Slugs of topics merged into this one: their addresses redirect here.', verbose_name='former addresses')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'topic',
                'verbose_name_plural': 'topics',
                'ordering': ['name'],
                'abstract': False,
            },
        ),
        migrations.AddConstraint(
            model_name='topic',
            constraint=models.UniqueConstraint(fields=('locale', 'slug'), name='blog_topic_unique_slug'),
        ),
        migrations.AlterUniqueTogether(
            name='topic',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AddField(
            model_name='storytag',
            name='topic',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='blog.topic'),
        ),
        migrations.AddField(
            model_name='videotag',
            name='topic',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='blog.topic'),
        ),
    ]
