"""``manage.py enforce_consent``: unpublish live pages whose consent has expired or was revoked.

Idempotent and quick when there is nothing to do, so it is meant to run every hour from cron
or a systemd timer (see README, "Editorial workflow").
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workflow.consent_enforcement import enforce_consent


class Command(BaseCommand):
    help = "Unpublish every live page whose consent record is no longer valid, and tell people."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = enforce_consent()
        except Exception as error:
            detail = " ".join(str(error).split()) or type(error).__name__
            raise CommandError(f"enforce_consent failed: {detail}") from error
        self.stdout.write(f"enforce_consent: {report.summary()}")
