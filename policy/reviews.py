"""Which policies are due for review, and the reminder emails to the teams that own them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import PolicyPage, ReviewReminder

REVIEW_WINDOW = datetime.timedelta(days=30)
FALLBACK_OWNER_GROUP = "Communications"


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
        or Group.objects.filter(name=FALLBACK_OWNER_GROUP).first()
    )


def group_emails(group: Group | None) -> list[str]:
    if group is None:
        return []
    users = get_user_model().objects.filter(groups=group, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


@dataclass
class ReminderBatch:
    """The due policies one owner group hears about in one email."""

    group_name: str
    recipients: list[str]
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
            by_group[name] = ReminderBatch(name, group_emails(group), [])
        by_group[name].policies.append(policy)
    for batch in by_group.values():
        if not batch.recipients:
            missing.append(batch.group_name)
    if missing:
        groups = ", ".join(sorted(missing))
        raise ReminderError(f"No one to remind: no active member of {groups} has an email address.")
    return list(by_group.values())


def _admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def reminder_message(batch: ReminderBatch, today: datetime.date) -> EmailMessage:
    policies = [
        {
            "title": policy.title,
            "language": policy.locale.get_display_name(),
            "version": policy.version,
            "next_review_date": policy.next_review_date,
            "status": review_status(policy.next_review_date, today),
            "edit_url": _admin_url(reverse("wagtailadmin_pages:edit", args=[policy.pk])),
        }
        for policy in batch.policies
    ]
    count = len(policies)
    # Two messages, not one ngettext: plural forms must share their placeholders (msgfmt -c).
    if count == 1:
        subject = _("Policy review due: %(title)s") % {"title": policies[0]["title"]}
    else:
        subject = ngettext(
            "%(count)d policy is due for review", "%(count)d policies are due for review", count
        ) % {"count": count}
    body = render_to_string(
        "policy/emails/review_reminder.txt",
        {
            "group_name": batch.group_name,
            "policies": policies,
            "report_url": _admin_url(reverse("policy_review_report")),
        },
    )
    return EmailMessage(subject=subject, body=body, to=batch.recipients)


def send_review_reminders(today: datetime.date, *, dry_run: bool = False) -> ReminderOutcome:
    """Email each owner group about its due policies, once a day; returns what was sent.

    A policy is remembered as reminded only after its email went out, so a failed run can
    simply be repeated. With ``dry_run`` nothing is sent or remembered.
    """
    with translation.override(settings.LANGUAGE_CODE):
        batches = reminder_batches(today)
        people: set[str] = set()
        for batch in batches:
            message = reminder_message(batch, today)
            people.update(batch.recipients)
            if dry_run:
                continue
            try:
                message.send(fail_silently=False)
            except OSError as error:  # smtplib.SMTPException is an OSError
                raise ReminderError(f"Could not send the review reminders: {error}") from error
            with transaction.atomic():
                ReviewReminder.objects.bulk_create(
                    [
                        ReviewReminder(page=policy, sent_on=today, recipients=len(batch.recipients))
                        for policy in batch.policies
                    ],
                    ignore_conflicts=True,
                )
    return ReminderOutcome(
        emails=len(batches),
        policies=sum(len(batch.policies) for batch in batches),
        people=len(people),
    )
