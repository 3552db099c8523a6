"""Admin report: live stories and videos whose clinical review is more than twelve months old
(or missing). Policies are not listed: each has its own next review date and its own report
("Policies due for review"); a page type leaves this report with
``clinical_rereview_yearly = False``."""

from __future__ import annotations

import datetime

from django.db.models import DateTimeField, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from clinic_site.admin_access import PermissionRequiredReportMixin
from workflow.publishing import reviewable_page_models
from workflow.rules import rereview_cutoff

REVIEW_REPORTS_PERMISSION = "workflow.view_review_reports"


def due_for_rereview(now: datetime.datetime | None = None) -> QuerySet[Page]:
    """Live reviewable pages never reviewed, or last reviewed before the cutoff; oldest first."""
    cutoff = rereview_cutoff(now or timezone.now())
    models = [model for model in reviewable_page_models() if model.clinical_rereview_yearly]
    if not models:
        return Page.objects.none()
    due = Q(pk__in=[])
    reviewed_at = []
    for model in models:
        stale = model.objects.filter(Q(last_reviewed_at__lt=cutoff) | Q(last_reviewed_at=None))
        due |= Q(pk__in=stale.values("pk"))
        reviewed_at.append(
            Subquery(model.objects.filter(pk=OuterRef("pk")).values("last_reviewed_at")[:1])
        )
    last_review = (
        Coalesce(*reviewed_at, output_field=DateTimeField())
        if len(reviewed_at) > 1
        else reviewed_at[0]
    )
    return (
        Page.objects.live()
        .filter(due)
        .annotate(last_clinical_review=last_review)
        .order_by(F("last_clinical_review").asc(nulls_first=True), "pk")
    )


class ClinicalRereviewReportView(PermissionRequiredReportMixin, PageReportView):
    page_title = _("Stories and videos due for clinical re-review")
    report_permission = REVIEW_REPORTS_PERMISSION
    refusal = _(
        "Only clinical reviewers, Communications and administrators can see which stories are "
        "due for another clinical review."
    )
    header_icon = "time"
    index_url_name = "workflow_rereview_report"
    index_results_url_name = "workflow_rereview_report_results"
    results_template_name = "workflow/reports/rereview_results.html"
    list_export = ["title", "reviewed_by_name", "last_reviewed_at", "last_published_at"]
    export_headings = {
        "title": _("Title"),
        "reviewed_by_name": _("Clinically reviewed by"),
        "last_reviewed_at": _("Last clinical review"),
        "last_published_at": _("Last published"),
    }

    def get_context_data(self, *args, **kwargs) -> dict:
        headings = [_("Title"), _("Type"), *list(self.export_headings.values())[1:]]
        return {**super().get_context_data(*args, **kwargs), "headings": headings}

    def get_filename(self) -> str:
        return f"clinical-rereview-{timezone.localdate().isoformat()}"

    def get_queryset(self) -> QuerySet[Page]:
        return due_for_rereview().select_related("locale").specific()
