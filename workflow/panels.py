"""The consent record as the story editor shows it: everything to review staff, a label to authors.

Authors see a linked record only by its non-identifying label (reference, status, scope,
expiry). Clinical reviewers, Communications and administrators see who consented, the
relationship, the purpose, and a link to the signed form through the permission-checked
private download view.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from workflow.groups import is_review_staff


class ConsentDetailsPanel(Panel):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("heading", _("Linked consent"))
        super().__init__(**kwargs)

    @property
    def clean_name(self) -> str:
        return super().clean_name or "consent_details"

    class BoundPanel(Panel.BoundPanel):
        template_name = "workflow/panels/consent_details.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            record = getattr(self.instance, "consent_record", None)
            staff = is_review_staff(self.request.user)
            context.update(
                record=record,
                review_staff=staff,
                invalid_reasons=record.invalid_reasons() if record and staff else [],
            )
            return context
