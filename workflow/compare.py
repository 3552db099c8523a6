""" "Compare with previous version" on a page that was never published shows all of it.

The reviewers' dashboard links each page in review to a comparison with the revision before the
one under review. For a new story that is usually an autosave of the same text, so the
comparison said "no differences" and the reviewer saw nothing. A page never published has no
previous version readers saw: the whole revision is compared with an empty page, so every
field shows as added. Authors comparing two of their drafts in the history still see the
changes between them.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.views.pages.revisions import RevisionsCompareView

from workflow.access import may_see_consent_details


class FirstReviewCompareView(RevisionsCompareView):
    def never_published(self) -> bool:
        return self.object.first_published_at is None and not self.object.live

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Review staff (who may see consent details) always see the whole of a
        never-published page; anyone else (an author comparing two drafts in the history) sees
        the changes, or the whole page if none."""
        context = super().get_context_data(**kwargs)
        if not self.never_published():
            return context
        if context["comparison"] and not may_see_consent_details(self.request.user):
            return context
        empty = self.object.specific_class()
        messages.info(
            self.request,
            _("This page was never published: all of it is shown, as new, against an empty page."),
        )
        context.update(
            revision_a=empty,
            revision_a_heading=_("Nothing yet (never published)"),
            comparison=self._get_comparison(empty, context["revision_b"]),
        )
        return context
