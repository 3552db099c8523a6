"""The moderation queue in the Wagtail admin: a snippet viewset for received mentions
(snippets give the listing Wagtail's bulk-action checkboxes; the actions are in
``bulk_actions.py``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from mentions.forms import ModerationForm
from mentions.models import ReceivedMention
from mentions.moderation import moderate
from mentions.permissions import ACCESS
from moderation.viewsets import (
    DecisionEditViewMixin,
    ModerationViewSetMixin,
    decision_panels,
    status_column,
    status_filter,
    story_column,
)


class MentionFilterSet(WagtailFilterSet):
    status = status_filter(ReceivedMention.Status.choices)

    class Meta:
        model = ReceivedMention
        fields = ["status"]


class MentionEditView(DecisionEditViewMixin, EditView):
    """Saving approves or declines (``mentions.moderation.moderate``)."""

    decision_messages = {
        ReceivedMention.Status.APPROVED: _("Mention on %(host)s approved."),
        ReceivedMention.Status.REJECTED: _("Mention on %(host)s declined."),
    }

    def decision_context(self, mention: ReceivedMention) -> dict[str, str]:
        return {"host": mention.source_host or mention.source}

    def record_decision(self, data: dict) -> None:
        moderate([self.object.pk], data["status"], self.request.user)


class MentionViewSet(ModerationViewSetMixin, SnippetViewSet):
    access = ACCESS
    model = ReceivedMention
    icon = "link"
    menu_label = _("Mentions")
    menu_name = "webmentions"
    menu_order = 251
    add_to_admin_menu = True
    edit_view_class = MentionEditView
    filterset_class = MentionFilterSet
    ordering = ["-received_at"]
    list_display = [
        Column("display_title", label=_("Mentioning page")),
        Column("source_host", label=_("Site")),
        status_column(ReceivedMention.Status.VERIFIED),
        Column("get_reason_display", label=_("Reason")),
        story_column(),
        DateColumn("received_at", label=_("Received"), sort_key="received_at"),
    ]
    edit_handler = decision_panels(
        _("Mention"), "mentions/admin/mention_panel.html", ModerationForm
    )
