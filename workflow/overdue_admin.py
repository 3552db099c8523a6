"""Overdue reviews in the admin: a dashboard panel for the stage's reviewers, a report under
Reports for review staff, and the History entries of reminders and escalations."""

from __future__ import annotations

from typing import Any

import django_filters
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import LogFormatter
from wagtail.models import Task, TaskState

from clinic_site.admin_access import PermissionMenuItem, PermissionRequiredReportMixin, report_urls
from workflow.overdue import (
    OVERDUE_ESCALATION_ACTION,
    OVERDUE_REMINDER_ACTION,
    OverdueReview,
    open_review_states,
    overdue_for_user,
    overdue_reviews,
)
from workflow.views import REVIEW_REPORTS_PERMISSION

OVERDUE_HEADINGS = [
    _("Title"),
    _("Stage"),
    _("Started"),
    _("Due"),
    _("Communications leads told"),
]


class OverdueReviewsPanel(Component):
    """Dashboard: the stages awaiting this person's groups that are past their due time."""

    name = "overdue_reviews"
    template_name = "workflow/dashboard/overdue_reviews.html"
    order = 215  # just above Wagtail's "Awaiting your review" (220)

    def __init__(self, reviews: list[OverdueReview]) -> None:
        self.reviews = reviews

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        return {"reviews": self.reviews, "headings": OVERDUE_HEADINGS[:4]}


@hooks.register("construct_homepage_panels")
def add_overdue_reviews_panel(request: HttpRequest, panels: list) -> None:
    reviews = overdue_for_user(request.user)
    if reviews:
        panels.append(OverdueReviewsPanel(reviews))


class OverdueReviewsFilterSet(WagtailFilterSet):
    task = django_filters.ModelChoiceFilter(
        label=_("Stage"), queryset=Task.objects.filter(active=True).order_by("name")
    )

    class Meta:
        model = TaskState
        fields = ["task"]


class OverdueReviewsReportView(PermissionRequiredReportMixin, ReportView):
    """Every review stage past its due time, the most overdue first."""

    page_title = _("Overdue reviews")
    report_permission = REVIEW_REPORTS_PERMISSION
    refusal = _(
        "Only clinical reviewers, Communications and administrators can see which reviews are "
        "past their due time. Your own pages in review are listed on your dashboard."
    )
    header_icon = "warning"
    model = TaskState
    filterset_class = OverdueReviewsFilterSet
    index_url_name = "workflow_overdue_report"
    index_results_url_name = "workflow_overdue_report_results"
    results_template_name = "workflow/reports/overdue_results.html"

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(*args, **kwargs), "headings": OVERDUE_HEADINGS}

    def get_base_queryset(self):
        return open_review_states()

    def get_filtered_queryset(self) -> list[OverdueReview]:
        return overdue_reviews(self.get_queryset())


@hooks.register("register_admin_urls")
def register_overdue_report_urls() -> list:
    return report_urls(
        OverdueReviewsReportView, "reports/overdue-reviews/", "workflow_overdue_report"
    )


@hooks.register("register_reports_menu_item")
def register_overdue_report_menu_item() -> MenuItem:
    return PermissionMenuItem(
        _("Overdue reviews"),
        reverse("workflow_overdue_report"),
        name="overdue-reviews",
        icon_name="warning",
        order=760,
        permission=REVIEW_REPORTS_PERMISSION,
    )


@hooks.register("register_log_actions")
def register_overdue_log_actions(actions) -> None:
    @actions.register_action(OVERDUE_REMINDER_ACTION)
    class OverdueReminderFormatter(LogFormatter):
        label = _("Overdue review: reminder sent")

        def format_message(self, log_entry) -> str:
            return _("“%(task)s” is overdue: %(count)s reviewer(s) reminded by email") % {
                "task": log_entry.data.get("task", ""),
                "count": log_entry.data.get("recipients", 0),
            }

    @actions.register_action(OVERDUE_ESCALATION_ACTION)
    class OverdueEscalationFormatter(LogFormatter):
        label = _("Overdue review: escalated")

        def format_message(self, log_entry) -> str:
            return _("“%(task)s” is still overdue: %(count)s Communications lead(s) told") % {
                "task": log_entry.data.get("task", ""),
                "count": log_entry.data.get("recipients", 0),
            }
