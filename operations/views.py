"""Admin report: each scheduled job's last run and outcome, for administrators only."""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from .models import ScheduledJob
from .scheduler import job_specs


def _when(attribute: str):
    def accessor(job: ScheduledJob) -> str:
        value = getattr(job, attribute)
        return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else ""

    return accessor


def _duration(job: ScheduledJob) -> str:
    return f"{job.last_duration.total_seconds():.2f} s" if job.last_duration else ""


class ScheduledJobsReportView(ReportView):
    """Every job in settings, in running order, with its state (unsaved rows if never seen)."""

    page_title = _("Scheduled jobs")
    header_icon = "time"
    index_url_name = "operations_scheduled_jobs"
    index_results_url_name = "operations_scheduled_jobs_results"
    no_results_message = _("No job is configured in SCHEDULED_JOBS.")
    paginate_by = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            # A plain 403 rather than Wagtail's redirect to the dashboard.
            return TemplateResponse(request, "operations/forbidden.html", status=403)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def columns(self):
        return [
            Column("name", label=_("Job")),
            Column("every", label=_("Every")),
            Column("state", label=_("State")),
            Column("last_started_at", label=_("Last started"), accessor=_when("last_started_at")),
            Column("duration", label=_("Duration"), accessor=_duration),
            Column(
                "last_succeeded_at", label=_("Last succeeded"), accessor=_when("last_succeeded_at")
            ),
            Column("error_summary", label=_("Last error")),
        ]

    def get_queryset(self):
        return job_rows()


def job_rows() -> list[ScheduledJob]:
    """Every configured job in running order with ``every``, ``state`` and ``problem`` set."""
    now = timezone.now()
    known = {job.name: job for job in ScheduledJob.objects.all()}
    rows = []
    for spec in job_specs():
        job = known.get(spec.name) or ScheduledJob(name=spec.name)
        job.every = spec.every
        overdue = job.is_overdue(spec.interval, now)
        job.problem = overdue or job.last_outcome == ScheduledJob.FAILED
        if overdue:
            job.state = gettext("Overdue: not run for twice its interval")
        elif job.pk is None:
            job.state = gettext("Never run")
        else:
            job.state = job.get_last_outcome_display()
        rows.append(job)
    return rows
