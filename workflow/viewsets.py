"""Consent records in the admin: a snippet only Clinical reviewers, Communications and
administrators can see (Authors hold no permission on the model, so the menu and every view
are closed to them). Wagtail's snippet views log every create, edit and delete.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from workflow.models import ConsentRecord


class ConsentRecordCreateView(CreateView):
    def save_instance(self) -> ConsentRecord:
        """Whoever records the consent is remembered with it."""
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "form"
    menu_label = _("Consent records")
    menu_name = "consent-records"
    menu_order = 250
    add_to_admin_menu = True
    add_view_class = ConsentRecordCreateView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["person_name", "relationship", "status_label", "date_signed", "expires_on"]
    list_filter = ["relationship", "scope_web_stories", "expires_on"]
    search_fields = ["person_name", "purpose"]
    ordering = ["expires_on"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("person_name"), FieldPanel("relationship")], heading=_("Who consents")
        ),
        MultiFieldPanel(
            [
                FieldPanel("scope_web_stories"),
                FieldPanel("scope_video"),
                FieldPanel("scope_social_media"),
                FieldPanel("purpose"),
            ],
            heading=_("What they agreed to"),
        ),
        FieldRowPanel([FieldPanel("date_signed"), FieldPanel("expires_on")], heading=_("Dates")),
        FieldPanel("signed_form"),
        MultiFieldPanel(
            [FieldPanel("revoked_at"), FieldPanel("revocation_note")],
            heading=_("Revocation"),
            help_text=_(
                "Recording a revocation takes every story that relies on this consent offline "
                "at once."
            ),
        ),
    ]
