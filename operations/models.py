"""What the scheduler remembers about each job: the last run, its outcome, and alerts sent."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledJob(models.Model):
    """One row per job of ``settings.SCHEDULED_JOBS``, created on the scheduler's first tick."""

    NEVER = ""
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    OUTCOMES = [
        (NEVER, _("Never run")),
        (RUNNING, _("Running")),
        (SUCCEEDED, _("Succeeded")),
        (FAILED, _("Failed")),
    ]

    name = models.CharField(_("job"), max_length=100, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_succeeded_at = models.DateTimeField(_("last succeeded"), null=True, blank=True)
    last_outcome = models.CharField(_("outcome"), max_length=20, choices=OUTCOMES, blank=True)
    last_duration = models.DurationField(_("duration"), null=True, blank=True)
    last_output = models.TextField(_("output"), blank=True)
    last_error = models.TextField(_("error"), blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    # One email per incident: set when administrators were told, cleared when it is over.
    failure_alert_sent = models.BooleanField(default=False)
    overdue_alert_sent = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self) -> str:
        return self.name

    def is_overdue(self, interval: timedelta, now) -> bool:
        """Not started for twice its interval (counted from its first sighting if never run)."""
        reference = self.last_started_at or self.created_at
        return reference is not None and now - reference > 2 * interval

    @property
    def error_summary(self) -> str:
        """The last line of the error (the exception), for one-line displays."""
        lines = [line for line in self.last_error.strip().splitlines() if line.strip()]
        return lines[-1] if lines else ""
