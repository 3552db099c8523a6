"""Admin wiring: the 'Scheduled jobs' report, in the Reports menu for administrators."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import ScheduledJobsReportView


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
