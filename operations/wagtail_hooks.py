"""Admin wiring: the 'Scheduled jobs' report in the Reports menu, and a dashboard panel that
appears for administrators only while a job is failing or overdue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .views import ScheduledJobsReportView, job_rows


class ScheduledJobProblemsPanel(Component):
    """Failing or overdue jobs, on the administrators' dashboard until they are fixed."""

    name = "scheduled_job_problems"
    template_name = "operations/dashboard_panel.html"
    order = 50

    def __init__(self, problems: list) -> None:
        self.problems = problems

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict:
        return {"problems": self.problems, "report_url": reverse("operations_scheduled_jobs")}


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def register_scheduled_jobs_urls():
    return [
        path(
            "reports/scheduled-jobs/",
            ScheduledJobsReportView.as_view(),
            name="operations_scheduled_jobs",
        ),
        path(
            "reports/scheduled-jobs/results/",
            ScheduledJobsReportView.as_view(results_only=True),
            name="operations_scheduled_jobs_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_scheduled_jobs_menu_item():
    return AdministratorsMenuItem(
        _("Scheduled jobs"),
        reverse("operations_scheduled_jobs"),
        name="scheduled-jobs",
        icon_name="time",
        order=900,
    )


@hooks.register("construct_homepage_panels")
def add_scheduled_job_problems_panel(request, panels: list) -> None:
    if request.user.is_superuser:
        problems = [job for job in job_rows() if job.problem]
        if problems:
            panels.append(ScheduledJobProblemsPanel(problems))
