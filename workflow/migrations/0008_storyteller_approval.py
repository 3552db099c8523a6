import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0094_alter_page_locale"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("workflow", "0007_record_signed_form_hashes"),
    ]

    operations = [
        migrations.AddField(
            model_name="consentrecord",
            name="email",
            field=models.EmailField(
                blank=True,
                help_text=(
                    "Where the storyteller receives the link to approve the text of their story. "
                    "Seen by review staff only, like the name."
                ),
                max_length=254,
                verbose_name="storyteller's email",
            ),
        ),
        migrations.CreateModel(
            name="StorytellerLinkVisit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("fingerprint", models.CharField(db_index=True, max_length=64)),
                (
                    "created_at",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                ),
            ],
        ),
        migrations.CreateModel(
            name="StorytellerApproval",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("content_fingerprint", models.CharField(editable=False, max_length=64)),
                ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("sent_to", models.EmailField(max_length=254, verbose_name="sent to")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="sent at")),
                ("expires_at", models.DateTimeField(verbose_name="link expires at")),
                (
                    "decided_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="decided at"),
                ),
                (
                    "decision",
                    models.CharField(
                        blank=True,
                        choices=[("approved", "Approved"), ("changes", "Asked for changes")],
                        max_length=10,
                        verbose_name="decision",
                    ),
                ),
                (
                    "decided_by_name",
                    models.CharField(blank=True, max_length=200, verbose_name="decided by"),
                ),
                ("comment", models.TextField(blank=True, verbose_name="comment")),
                (
                    "consent_record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="storyteller_approvals",
                        to="workflow.consentrecord",
                        verbose_name="consent record",
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="storyteller_approvals",
                        to="wagtailcore.page",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="requested by",
                    ),
                ),
                (
                    "revision",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="storyteller_approvals",
                        to="wagtailcore.revision",
                    ),
                ),
            ],
            options={
                "verbose_name": "storyteller approval",
                "verbose_name_plural": "storyteller approvals",
                "ordering": ["-created_at"],
            },
        ),
    ]
