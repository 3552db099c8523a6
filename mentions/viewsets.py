"""The moderation queue in the Wagtail admin: a snippet viewset for received mentions
(snippets give the listing Wagtail's bulk-action checkboxes; the actions are in
``bulk_actions.py``)."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from mentions.forms import ModerationForm
from mentions.models import ReceivedMention
from mentions.moderation import moderate
from mentions.permissions import ACCESS
from moderation.viewsets import DecisionEditViewMixin, ModerationViewSetMixin


class MentionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ReceivedMention.Status.choices, empty_label=_("Any status")
    )

    class Meta:
        model = ReceivedMention
        fields = ["status"]


class MentionIndexView(IndexView):
    def get_base_queryset(self) -> QuerySet[ReceivedMention]:
        return super().get_base_queryset().select_related("page")


class MentionEditView(DecisionEditViewMixin, EditView):
    """Saving records a moderation decision (logged) instead of a plain edit."""

    decision_messages = {
        ReceivedMention.Status.APPROVED: _("Mention on %(host)s approved."),
        ReceivedMention.Status.REJECTED: _("Mention on %(host)s declined."),
    }

    def decision_context(self, mention: ReceivedMention) -> dict[str, str]:
        return {"host": mention.source_host or mention.source}

    def save_instance(self) -> ReceivedMention:
        moderate([self.object.pk], self.form.cleaned_data["status"], self.request.user)
        self.object.refresh_from_db()
        return self.object


class MentionViewSet(ModerationViewSetMixin, SnippetViewSet):
    access = ACCESS
    model = ReceivedMention
    icon = "link"
    menu_label = _("Mentions")
    menu_name = "webmentions"
    menu_order = 251
    add_to_admin_menu = True
    index_view_class = MentionIndexView
    edit_view_class = MentionEditView
    filterset_class = MentionFilterSet
    ordering = ["-received_at"]
    list_display = [
        Column("display_title", label=_("Mentioning page")),
        Column("source_host", label=_("Site")),
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            primary=lambda mention: mention.status == ReceivedMention.Status.VERIFIED,
            sort_key="status",
        ),
        Column("get_reason_display", label=_("Reason")),
        Column("page", label=_("Story"), accessor="page.title"),
        DateColumn("received_at", label=_("Received"), sort_key="received_at"),
    ]
    edit_handler = ObjectList(
        [
            HelpPanel(heading=_("Mention"), template="mentions/admin/mention_panel.html"),
            FieldPanel("status", widget=forms.RadioSelect),
        ],
        base_form_class=ModerationForm,
    )
