"""policy_review_reminders: emails the owner group about due policies, once a day per policy."""

import datetime
import logging
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.users.models import UserProfile

from policy.models import ReviewReminder
from policy.reviews import send_review_reminders
from tests.conftest import make_user
from tests.policy_fixtures import START, make_policy, policy_index, publish_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(home_page):
    """A policy overdue by 5 days, one due in 10 days and one not due for a year."""
    index = policy_index(home_page)
    today = timezone.localdate()
    for slug, days in (("overdue", -5), ("soon", 10), ("later", 365)):
        policy = make_policy(index, slug=slug, title=f"Policy {slug}")
        publish_version(
            policy, "1.0", START, next_review_date=today + datetime.timedelta(days=days)
        )


def run(*args: str) -> str:
    out = StringIO()
    call_command("policy_review_reminders", *args, stdout=out)
    return out.getvalue()


def test_owner_group_is_emailed_about_due_and_overdue_policies(comms, author, due):
    output = run()
    assert output.strip() == (
        "Sent 1 email(s) to 1 person(s) about 2 policy page(s) due for review."
    )
    [message] = mail.outbox
    assert message.to == ["comms@example.org"]
    assert message.subject == "2 policies are due for review"
    assert "Policy overdue (English), version 1.0" in message.body
    assert "Overdue by 5 days" in message.body and "Due in 10 days" in message.body
    assert "Policy later" not in message.body
    assert "http://testserver/admin/pages/" in message.body
    assert "http://testserver/admin/reports/policies-due-for-review/" in message.body


def test_a_second_run_the_same_day_sends_nothing(comms, due):
    run()
    assert run().strip() == "No reminders to send: nothing is due, or today's were sent."
    assert len(mail.outbox) == 1
    assert ReviewReminder.objects.count() == 2


def test_reminders_start_again_the_next_day(comms, due):
    today = timezone.localdate()
    send_review_reminders(today)
    send_review_reminders(today + datetime.timedelta(days=1))
    assert len(mail.outbox) == 2
    assert ReviewReminder.objects.filter(sent_on=today + datetime.timedelta(days=1)).count() == 2


def test_dry_run_sends_and_remembers_nothing(comms, due):
    assert run("--dry-run").startswith("Would send 1 email(s) to 1 person(s)")
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()


def test_a_named_owner_group_gets_its_own_reminder(comms, reviewer, home_page):
    policy = make_policy(policy_index(home_page), policy_owner="clinical reviewers")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    publish_version(policy, "1.0", START, next_review_date=tomorrow)
    run()
    [message] = mail.outbox
    assert message.to == ["reviewer@example.org"]
    assert message.subject == "Policy review due: Social media policy"
    assert message.body.startswith("Hello Clinical reviewers,")


def command_error() -> CommandError:
    """Run the command and return its error. manage.py prints it as one line on stderr and
    exits with its ``returncode`` (``run_from_argv`` would also close the test's connection)."""
    with pytest.raises(CommandError) as caught:
        call_command("policy_review_reminders", stdout=StringIO())
    return caught.value


def test_no_recipient_is_a_one_line_error_with_a_non_zero_exit(due):
    Group.objects.get(name="Communications").user_set.clear()
    error = command_error()
    assert error.returncode == 1
    assert str(error) == (
        "No one to remind: no active member of Communications has an email address."
    )
    assert not ReviewReminder.objects.exists()


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=9,
    EMAIL_TIMEOUT=2,
)
def test_mail_server_failure_is_reported_and_can_be_retried(due):
    make_user("comms2", "Communications")
    error = command_error()
    assert error.returncode == 1
    assert str(error).startswith("Could not send the review reminders to Communications: ")
    assert "\n" not in str(error)
    assert not ReviewReminder.objects.exists()  # nothing remembered: the next run retries


def test_each_member_is_reminded_in_their_own_language(comms, due):
    spanish = make_user("comms_es", "Communications")
    profile = UserProfile.get_for_user(spanish)
    profile.preferred_language = "es"
    profile.save()
    assert run().startswith("Sent 2 email(s) to 2 person(s)")
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address["comms@example.org"].subject == "2 policies are due for review"
    assert by_address["comms_es@example.org"].subject == "2 políticas pendientes de revisión"
    assert "Overdue by 5 days" in by_address["comms@example.org"].body
    assert "Con 5 días de retraso" in by_address["comms_es@example.org"].body


class FailsForOneAddress(locmem.EmailBackend):
    def send_messages(self, messages):
        if any("comms2@" in address for message in messages for address in message.to):
            raise ConnectionRefusedError("mailbox unavailable")
        return super().send_messages(messages)


@override_settings(EMAIL_BACKEND="tests.test_policy_reminders.FailsForOneAddress")
def test_one_failed_address_is_logged_and_the_others_are_reminded(comms, due, caplog):
    make_user("comms2", "Communications")
    with caplog.at_level(logging.ERROR, logger="clinic_site.notifications"):
        output = run()
    assert output.startswith("Sent 1 email(s) to 2 person(s)")
    assert [message.to for message in mail.outbox] == [["comms@example.org"]]
    assert "Could not send the email policy/emails/review_reminder to comms2@" in caplog.text
    assert ReviewReminder.objects.count() == 2  # reminded: a member heard of it
