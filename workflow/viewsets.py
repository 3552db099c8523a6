"""Consent records in the admin: a snippet only Clinical reviewers, Communications and
administrators can see (Authors hold no permission on the model, so the menu and every view
are closed to them). Wagtail's snippet views log every create, edit and delete.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from workflow.access import may_see_consent_details
from workflow.consent_forms import ConsentRecordForm
from workflow.models import ConsentRecord
from workflow.storyteller_panels import StorytellerDecisionsPanel


class ConsentRecordCreateView(CreateView):
    def save_instance(self) -> ConsentRecord:
        """Whoever records the consent is remembered with it."""
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class ConsentRecordEditView(EditView):
    def form_invalid(self, form: ConsentRecordForm) -> HttpResponse:
        form.log_refusal(self.request.user)
        return super().form_invalid(form)


def signed_form_link(record: ConsentRecord) -> str:
    """A link to the signed form through the permission-checked download view."""
    if not record.signed_form_id:
        return str(_("not attached"))
    return format_html('<a href="{}">{}</a>', record.signed_form.url, record.signed_form.title)


class SignedFormColumn(Column):
    cell_template_name = "workflow/consent/signed_form_cell.html"

    def get_value(self, instance: ConsentRecord) -> str:
        return signed_form_link(instance)


class StaffColumnsMixin:
    """Authors choose a record by its label alone; review staff see the whole record."""

    @property
    def columns(self) -> list[Column]:
        columns = super().columns
        if may_see_consent_details(self.request.user):
            columns += [
                Column("person_name", label=_("Person giving consent")),
                Column("email", label=_("Email")),
                Column(
                    "relationship", label=_("Relationship"), accessor="get_relationship_display"
                ),
                Column("purpose", label=_("Purpose")),
                SignedFormColumn("signed_form", label=_("Signed form")),
            ]
        return columns

    def get_object_list(self) -> Any:
        return super().get_object_list().select_related("signed_form")


class ConsentChooseView(StaffColumnsMixin, ChooseView):
    pass


class ConsentChooseResultsView(StaffColumnsMixin, ChooseResultsView):
    pass


class ConsentChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ConsentChooseView
    choose_results_view_class = ConsentChooseResultsView


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "form"
    menu_label = _("Consent records")
    menu_name = "consent-records"
    menu_order = 250
    add_to_admin_menu = True
    add_view_class = ConsentRecordCreateView
    edit_view_class = ConsentRecordEditView
    chooser_viewset_class = ConsentChooserViewSet
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "reference",
        "person_name",
        "relationship",
        "status_label",
        "scope_label",
        "date_signed",
        "expires_on",
        SignedFormColumn("signed_form", label=_("Signed form")),
    ]
    list_filter = ["relationship", "scope_web_stories", "expires_on"]
    search_fields = ["person_name", "purpose"]
    ordering = ["expires_on"]

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("person_name"), FieldPanel("relationship"), FieldPanel("email")],
                heading=_("Who consents"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("scope_web_stories"),
                    FieldPanel("scope_video"),
                    FieldPanel("scope_photographs"),
                    FieldPanel("scope_name_in_byline"),
                    FieldPanel("scope_social_media"),
                    FieldPanel("purpose"),
                ],
                heading=_("What they agreed to"),
            ),
            FieldRowPanel(
                [FieldPanel("date_signed"), FieldPanel("expires_on")], heading=_("Dates")
            ),
            FieldPanel("signed_form"),
            MultiFieldPanel(
                [FieldPanel("revoked_at"), FieldPanel("revocation_note")],
                heading=_("Revocation"),
                help_text=_(
                    "Recording a revocation takes every story that relies on this consent offline "
                    "at once."
                ),
            ),
            StorytellerDecisionsPanel(),
        ],
        base_form_class=ConsentRecordForm,
    )
