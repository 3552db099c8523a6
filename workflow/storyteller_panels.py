"""The storyteller's decisions in the consent record's admin form (review staff only)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class StorytellerDecisionsPanel(Panel):
    """Every approval link sent for stories relying on this consent, with what was decided."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("heading", _("Storyteller's approvals"))
        super().__init__(**kwargs)

    @property
    def clean_name(self) -> str:
        return super().clean_name or "storyteller_approvals"

    class BoundPanel(Panel.BoundPanel):
        template_name = "workflow/storyteller/decisions_panel.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            record = self.instance
            context["approvals"] = (
                record.storyteller_approvals.select_related("page", "requested_by").order_by(
                    "-created_at"
                )
                if record.pk
                else []
            )
            return context
