"""Reviews that stall: each review stage has a due time, and late ones are chased.

A stage is due a number of working days (Monday to Friday, in ``TIME_ZONE``) after it started:
``settings.REVIEW_TASK_DUE`` by task name or model label. Everything is derived from Wagtail's
``TaskState`` rows, so no schema of our own is needed. Reminders and escalations are recorded
as log entries on the page (its History) and read back before sending, so running the daily job
twice, or again after a crash, never sends the same email twice.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import (
    Page,
    PageLogEntry,
    Task,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)

from clinic_site.notifications import Recipient, Sent, edit_link, send_templated_email
from workflow.groups import COMMUNICATIONS, active_members

OVERDUE_REMINDER_ACTION = "workflow.overdue_reminder"
OVERDUE_ESCALATION_ACTION = "workflow.overdue_escalation"


def add_working_days(start: datetime.datetime, days: int) -> datetime.datetime:
    """``start`` moved on by ``days`` working days, at the same local time of day.

    Saturdays and Sundays are not counted: a stage started on Friday with 3 working days is due
    on Wednesday; one started on Saturday with 1 working day is due on Monday.
    """
    local = timezone.localtime(start)
    day = local.date()
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return timezone.make_aware(datetime.datetime.combine(day, local.time()))


def due_days(task: Task) -> int:
    """Working days a stage has, by task name, else model label, else the default."""
    due = settings.REVIEW_TASK_DUE
    label = task.specific_class._meta.label if task.specific_class else ""
    return int(due.get(task.name, due.get(label, settings.REVIEW_TASK_DUE_DEFAULT)))


@dataclass(frozen=True)
class OverdueReview:
    """A stage still in progress past its due time."""

    task_state: TaskState
    page: Page
    due_at: datetime.datetime
    escalate_at: datetime.datetime
    escalated_at: datetime.datetime | None = None

    @property
    def task(self) -> Task:
        return self.task_state.task


def open_review_states() -> QuerySet[TaskState]:
    """Stages in progress, of reviews in progress, of pages, for active tasks."""
    return TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        workflow_state__base_content_type=get_default_page_content_type(),
        task__active=True,
    )


def overdue_reviews(
    states: QuerySet[TaskState], now: datetime.datetime | None = None
) -> list[OverdueReview]:
    """The overdue ones among ``states``, latest first, in a fixed number of queries.

    The database keeps only stages started at least as many calendar days ago as their working
    days (a working-day deadline is never sooner), so few rows reach the exact check.
    """
    now = now or timezone.now()
    tasks = list(Task.objects.filter(active=True))
    if not tasks:
        return []
    old_enough = Q(pk__in=[])
    for task in tasks:
        cutoff = now - datetime.timedelta(days=due_days(task))
        old_enough |= Q(task_id=task.pk, started_at__lte=cutoff)
    candidates = (
        states.filter(old_enough)
        .select_related("task", "workflow_state")
        .prefetch_related("workflow_state__content_object")
        .order_by("started_at", "pk")
    )
    days = {task.pk: due_days(task) for task in tasks}
    late = []
    for state in candidates:
        page = state.workflow_state.content_object
        due_at = add_working_days(state.started_at, days[state.task_id])
        if page is None or due_at > now:
            continue
        escalate_at = add_working_days(due_at, settings.REVIEW_ESCALATE_AFTER)
        late.append(OverdueReview(state, page, due_at, escalate_at))
    escalations = escalated_at([review.task_state.pk for review in late])
    return [replace(r, escalated_at=escalations.get(r.task_state.pk)) for r in late]


def overdue_for_user(
    user: AbstractBaseUser, now: datetime.datetime | None = None
) -> list[OverdueReview]:
    """Overdue stages this person may act on (their groups' tasks; every one for superusers)."""
    reviewable = TaskState.objects.reviewable_by(user).values("pk")
    return overdue_reviews(open_review_states().filter(pk__in=reviewable), now)


def escalated_at(task_state_ids: list[int]) -> dict[int, datetime.datetime]:
    """When each of these stages was escalated, for those that were."""
    if not task_state_ids:
        return {}
    entries = PageLogEntry.objects.filter(
        action=OVERDUE_ESCALATION_ACTION, data__task_state__in=task_state_ids
    ).values_list("data__task_state", "timestamp")
    return {int(task_state_id): timestamp for task_state_id, timestamp in entries}


def already_logged(action: str, task_state: TaskState, **match: str) -> bool:
    lookups = {f"data__{key}": value for key, value in match.items()}
    return PageLogEntry.objects.filter(
        action=action, data__task_state=task_state.pk, **lookups
    ).exists()


def reviewers_of(task: Task) -> list[AbstractBaseUser]:
    """Active members with an email address of the groups the stage is assigned to."""
    people: dict[int, AbstractBaseUser] = {}
    groups = getattr(task.specific, "groups", None)
    for group in groups.all() if groups is not None else []:
        for person in active_members(group.name):
            people.setdefault(person.pk, person)
    return list(people.values())


def escalation_recipients() -> list[Recipient]:
    """The Communications leads.

    ``REVIEW_ESCALATION_EMAILS`` names them; when it is empty, every member of Communications
    is told. A lead with a staff account is written to in their admin language.
    """
    addresses = list(settings.REVIEW_ESCALATION_EMAILS)
    if not addresses:
        return [Recipient.for_user(person) for person in active_members(COMMUNICATIONS)]
    users = get_user_model().objects.filter(email__in=addresses, is_active=True)
    by_email = {user.email: user for user in users}
    return [
        Recipient.for_user(by_email[address])
        if address in by_email
        else Recipient(address, settings.LANGUAGE_CODE)
        for address in addresses
    ]


@dataclass
class ReminderOutcome:
    reminded: int = 0
    escalated: int = 0
    emails: int = 0
    failures: int = 0
    unassigned: list[str] = field(default_factory=list)


def send_emails(
    template: str, review: OverdueReview, recipients: Iterable[Recipient | AbstractBaseUser]
) -> Sent:
    """One email per recipient in their language."""
    context = {
        "page": review.page,
        "task": review.task,
        "started_at": review.task_state.started_at,
        "due_at": review.due_at,
        "edit_url": edit_link(review.page),
        "working_days": due_days(review.task),
    }
    return send_templated_email(f"workflow/notifications/{template}", recipients, context)


def remind(review: OverdueReview, outcome: ReminderOutcome, now: datetime.datetime) -> None:
    """Today's reminder to the stage's group and, once, the escalation; each logged when sent.

    The task state's row is locked while checking and writing the log, so two runs at the
    same time cannot both send. A log entry is written when at least one email went out; only
    a stage nobody could be told about is tried again on the next run.
    """
    state = review.task_state
    today = timezone.localdate(now).isoformat()
    with transaction.atomic():
        TaskState.objects.select_for_update().filter(pk=state.pk).exists()
        if not already_logged(OVERDUE_REMINDER_ACTION, state, day=today):
            people = reviewers_of(review.task)
            if not people:
                outcome.unassigned.append(review.task.name)
            result = send_emails("overdue_reminder", review, people)
            outcome.emails += result.sent
            outcome.failures += result.failed
            if result.sent:
                outcome.reminded += 1
                record(review, OVERDUE_REMINDER_ACTION, now, day=today, recipients=result.sent)
        if now >= review.escalate_at and not already_logged(OVERDUE_ESCALATION_ACTION, state):
            result = send_emails("overdue_escalation", review, escalation_recipients())
            outcome.emails += result.sent
            outcome.failures += result.failed
            if result.sent:
                outcome.escalated += 1
                record(review, OVERDUE_ESCALATION_ACTION, now, recipients=result.sent)


def record(review: OverdueReview, action: str, now: datetime.datetime, **data) -> None:
    log(
        instance=review.page,
        action=action,
        timestamp=now,
        data={
            "task_state": review.task_state.pk,
            "task": review.task.name,
            "due_at": review.due_at.isoformat(),
            **data,
        },
    )


def send_overdue_reminders(now: datetime.datetime | None = None) -> ReminderOutcome:
    """Remind the groups of every overdue stage (once a day) and escalate (once per stage)."""
    now = now or timezone.now()
    outcome = ReminderOutcome()
    for review in overdue_reviews(open_review_states(), now):
        remind(review, outcome, now)
    return outcome
