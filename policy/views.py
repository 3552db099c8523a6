"""Admin report: policies whose review is due within 30 days or overdue."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LocaleColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from clinic_site.admin_access import PermissionRequiredReportMixin

from .reviews import policies_due_for_review, review_status

REPORT_PERMISSION = "policy.view_policy_review_report"


def _formatted_date(attribute: str, empty: str = ""):
    def accessor(policy) -> str:
        value = getattr(policy, attribute)
        return date_format(value) if value else empty

    return accessor


class PoliciesDueForReviewView(PermissionRequiredReportMixin, ReportView):
    """For Communications and administrators: what to review next, most urgent first."""

    page_title = _("Policies due for review")
    header_icon = "time"
    index_url_name = "policy_review_report"
    index_results_url_name = "policy_review_report_results"
    no_results_message = _("No live policy is due for review in the next 30 days.")
    export_filename = "policies-due-for-review"
    list_export = ["title", "locale", "version", "next_review_date", "policy_owner", "status"]
    export_headings = {
        "title": _("Policy"),
        "locale": _("Language"),
        "version": _("Version"),
        "next_review_date": _("Next review"),
        "policy_owner": _("Owner"),
        "status": _("Status"),
    }

    report_permission = REPORT_PERMISSION
    refusal = _(
        "Only Communications and administrators can see which policies are due for review. "
        "The policies themselves are on the website."
    )

    @cached_property
    def today(self):
        return timezone.localdate()

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Policy"),
                get_url=lambda policy: reverse("wagtailadmin_pages:edit", args=[policy.pk]),
            ),
            LocaleColumn(sort_key=None),
            Column("version", label=_("Version")),
            Column(
                "next_review_date",
                label=_("Next review"),
                accessor=_formatted_date("next_review_date"),
            ),
            Column("status", label=_("Status")),
            Column("policy_owner", label=_("Owner")),
            Column(
                "last_reminder_on",
                label=_("Last reminder"),
                accessor=_formatted_date("last_reminder_on", gettext("Not sent yet")),
            ),
        ]

    def get_queryset(self):
        return policies_due_for_review(self.today)

    def decorate_paginated_queryset(self, object_list):
        for policy in object_list:
            policy.status = review_status(policy.next_review_date, self.today)
        return object_list

    def to_row_dict(self, item):
        item.status = review_status(item.next_review_date, self.today)
        return super().to_row_dict(item)
