"""The consent record as the story editor shows it: everything to review staff, a label to authors.

Authors see a linked record only by its non-identifying label (reference, status, scope,
expiry). Whoever may see consent details (:mod:`workflow.access`: Clinical reviewers,
Communications, administrators) sees who consented, the relationship, the purpose, and a link
to the signed form through the permission-checked private download view.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from workflow.access import may_see_consent_details
from workflow.models.consent import ConsentRecord


def scopes_needed(page: Any) -> list[str]:
    """The consent scopes the page's content needs, as the page itself answers them."""
    needed = getattr(page, "consent_scopes_needed", None)
    return list(needed()) if callable(needed) else []


def scope_labels(scopes: list[str]) -> list[str]:
    return [str(ConsentRecord._meta.get_field(name).verbose_name) for name in scopes]


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
            staff = may_see_consent_details(self.request.user)
            needed = scopes_needed(self.instance)
            context.update(
                record=record,
                review_staff=staff,
                invalid_reasons=record.invalid_reasons() if record and staff else [],
                needed_scopes=scope_labels(needed),
                missing_scopes=record.missing_scopes(needed) if record else [],
            )
            return context


class ReviewChecklistPanel(Panel):
    """What the reviewers will check, as the author's checklist before submitting.

    Reads the page's own ``review_blockers()`` (the rules approval and the publishing guard
    use), from the version last saved; submitting is refused while any is left.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("heading", _("Before you submit for review"))
        super().__init__(**kwargs)

    @property
    def clean_name(self) -> str:
        return super().clean_name or "review_checklist"

    class BoundPanel(Panel.BoundPanel):
        template_name = "workflow/panels/review_checklist.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            review_blockers = getattr(self.instance, "review_blockers", None)
            context["blockers"] = (
                [str(reason) for reason in review_blockers()] if callable(review_blockers) else []
            )
            return context
