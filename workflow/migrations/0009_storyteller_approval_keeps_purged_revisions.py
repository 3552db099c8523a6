import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0094_alter_page_locale"),
        ("workflow", "0008_storyteller_approval"),
    ]

    operations = [
        migrations.AlterField(
            model_name="storytellerapproval",
            name="revision",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="storyteller_approvals",
                to="wagtailcore.revision",
            ),
        ),
    ]
