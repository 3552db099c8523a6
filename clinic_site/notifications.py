"""The one way the project sends its own emails: a template per message, rendered per recipient.

Every notification the apps send themselves (comment approvals, policy review reminders,
overdue reviews, consent and publishing alerts, the storyteller's link and decision) is a pair
of plain-text templates, ``<name>_subject.txt`` and ``<name>.txt``. :func:`send_templated_email`
renders them once per recipient inside ``translation.override`` of that recipient's language
(a staff member's Wagtail admin language, ``UserProfile.preferred_language``; for an address
without an account, the language the caller names; else ``settings.LANGUAGE_CODE``) and sends
through Django's configured backend (via Wagtail's ``send_mail``, so the From address is the
admin's notification address). A failure to send is logged and counted, never raised: an email
must not undo or block the action that caused it.

Wagtail's own workflow notifiers (``workflow/notifications.py``) already render per recipient in
their preferred language; they are only wrapped so that they never raise either.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.admin.mail import send_mail

logger = logging.getLogger(__name__)


def language_of(person: AbstractBaseUser | None) -> str:
    """The staff member's admin language, or the site's when they have not chosen one."""
    if person is None or person.pk is None:
        return settings.LANGUAGE_CODE
    from wagtail.users.models import UserProfile

    chosen = (
        UserProfile.objects.filter(user=person).values_list("preferred_language", flat=True).first()
    )
    return chosen or settings.LANGUAGE_CODE


def admin_link(path: str) -> str:
    """An admin path as an emailed link: every link starts with ``WAGTAILADMIN_BASE_URL``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def edit_link(page: Any) -> str:
    """The page in the editor, as an emailed link."""
    return admin_link(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@dataclass(frozen=True)
class Recipient:
    """One address to write to, in one language; ``user`` when it belongs to an account."""

    address: str
    language: str
    user: AbstractBaseUser | None = None

    @classmethod
    def for_user(cls, person: AbstractBaseUser) -> Recipient:
        return cls(person.email, language_of(person), person)


@dataclass
class Sent:
    """How many of the emails went out and how many could not be sent."""

    sent: int = 0
    failed: int = 0

    def __iadd__(self, other: Sent) -> Sent:
        self.sent += other.sent
        self.failed += other.failed
        return self


def render_email(template: str, context: dict[str, Any], language: str) -> tuple[str, str]:
    """The subject (one line) and plain-text body of ``template`` in ``language``."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return " ".join(subject.split()), body


def send_templated_email(
    template: str,
    recipients: Iterable[Recipient | AbstractBaseUser],
    context: dict[str, Any],
) -> Sent:
    """One email per recipient, each in their own language; failures are logged and counted.

    ``recipients`` may mix user accounts (written to at their email address, in their admin
    language) and :class:`Recipient` addresses. The template sees ``context`` plus ``user``
    (the recipient's account, or None) and ``recipient``.
    """
    outcome = Sent()
    for person in recipients:
        recipient = person if isinstance(person, Recipient) else Recipient.for_user(person)
        if not recipient.address:
            continue
        try:
            subject, body = render_email(
                template,
                {**context, "user": recipient.user, "recipient": recipient},
                recipient.language,
            )
            send_mail(subject, body, [recipient.address])
        except Exception:
            outcome.failed += 1
            logger.exception("Could not send the email %s to %s", template, recipient.address)
        else:
            outcome.sent += 1
    return outcome
