"""Which policies are due for review, and the reminder emails to the teams that own them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clinic_site.notifications import admin_link, edit_link, send_templated_email
from workflow.groups import COMMUNICATIONS, active_members

from .models import PolicyPage, ReviewReminder

REVIEW_WINDOW = datetime.timedelta(days=30)


class ReminderError(Exception):
    """The reminders could not be sent; the message is one line for the person running them."""


def policies_due_for_review(today: datetime.date) -> QuerySet[PolicyPage]:
    """Live policies whose next review is past or within the next 30 days, most urgent first."""
    return (
        PolicyPage.objects.live()
        .filter(next_review_date__lte=today + REVIEW_WINDOW)
        .select_related("locale")
        .annotate(last_reminder_on=Max("review_reminders__sent_on"))
        .order_by("next_review_date", "title", "locale__language_code")
    )


def review_status(next_review: datetime.date, today: datetime.date) -> str:
    """'Overdue by 3 days', 'Due today' or 'Due in 12 days'."""
    days = (next_review - today).days
    if days < 0:
        return ngettext("Overdue by %(days)d day", "Overdue by %(days)d days", -days) % {
            "days": -days
        }
    if days == 0:
        return _("Due today")
    return ngettext("Due in %(days)d day", "Due in %(days)d days", days) % {"days": days}


def owner_group(policy_owner: str) -> Group | None:
    """The staff group named as the policy's owner, or Communications when none matches."""
    return (
        Group.objects.filter(name__iexact=policy_owner.strip()).first()
        or Group.objects.filter(name=COMMUNICATIONS).first()
    )


def group_members(group: Group | None) -> list[AbstractBaseUser]:
    """The group's active members with an email address, by address."""
    if group is None:
        return []
    return sorted(active_members(group.name), key=lambda person: person.email)


@dataclass
class ReminderBatch:
    """The due policies one owner group hears about in one email."""

    group_name: str
    recipients: list[AbstractBaseUser]
    policies: list[PolicyPage]


@dataclass
class ReminderOutcome:
    emails: int
    policies: int
    people: int


def reminder_batches(today: datetime.date) -> list[ReminderBatch]:
    """Due policies not yet reminded about today, grouped by the group that owns them."""
    pending = policies_due_for_review(today).exclude(review_reminders__sent_on=today)
    by_group: dict[str, ReminderBatch] = {}
    missing: list[str] = []
    for policy in pending:
        group = owner_group(policy.policy_owner)
        name = group.name if group else policy.policy_owner
        if name not in by_group:
            by_group[name] = ReminderBatch(name, group_members(group), [])
        by_group[name].policies.append(policy)
    for batch in by_group.values():
        if not batch.recipients:
            missing.append(batch.group_name)
    if missing:
        groups = ", ".join(sorted(missing))
        raise ReminderError(f"No one to remind: no active member of {groups} has an email address.")
    return list(by_group.values())


def reminder_context(batch: ReminderBatch, today: datetime.date) -> dict:
    """What the reminder says; the texts in it are translated when each recipient's copy is
    rendered, in that person's language."""
    policies = [
        {
            "title": policy.title,
            "language": lazy(policy.locale.get_display_name, str)(),
            "version": policy.version,
            "next_review_date": policy.next_review_date,
            "status": lazy(review_status, str)(policy.next_review_date, today),
            "edit_url": edit_link(policy),
        }
        for policy in batch.policies
    ]
    return {
        "group_name": batch.group_name,
        "policies": policies,
        "count": len(policies),
        "report_url": admin_link(reverse("policy_review_report")),
    }


def send_review_reminders(today: datetime.date, *, dry_run: bool = False) -> ReminderOutcome:
    """Email each owner group's members about its due policies, once a day, each in their own
    language; returns what was sent.

    A policy is remembered as reminded once its email reached at least one member, so a run
    that could send none of them (reported as :class:`ReminderError`) can simply be repeated.
    With ``dry_run`` nothing is sent or remembered.
    """
    batches = reminder_batches(today)
    people: set[str] = set()
    emails = 0
    for batch in batches:
        people.update(person.email for person in batch.recipients)
        if dry_run:
            emails += len(batch.recipients)
            continue
        result = send_templated_email(
            "policy/emails/review_reminder", batch.recipients, reminder_context(batch, today)
        )
        if not result.sent:
            raise ReminderError(
                f"Could not send the review reminders to {batch.group_name}: "
                "the mail server refused them (see the error log)."
            )
        emails += result.sent
        with transaction.atomic():
            ReviewReminder.objects.bulk_create(
                [
                    ReviewReminder(page=policy, sent_on=today, recipients=result.sent)
                    for policy in batch.policies
                ],
                ignore_conflicts=True,
            )
    return ReminderOutcome(
        emails=emails,
        policies=sum(len(batch.policies) for batch in batches),
        people=len(people),
    )
