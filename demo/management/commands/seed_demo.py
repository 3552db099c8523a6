"""Load the demo: users for each role and content in English and Spanish. Idempotent.

Part of the ``demo`` app, which production settings never install.
"""

import os

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.seed import STEPS
from demo.seed.users import SeedContext, resolve_password


class Command(BaseCommand):
    help = "Create demo users and content (safe to run again)."

    def handle(self, *args, **options):
        password, generated = resolve_password(os.environ.get("DEMO_PASSWORD"))
        context = SeedContext(password=password, generated_password=generated)
        with transaction.atomic():
            for step in STEPS:
                step(context)
        if options["verbosity"] > 1:
            for line in context.lines:
                self.stdout.write(line)
        if generated:
            self.stdout.write(
                f"Demo password (generated, set on newly created users only): {password}"
            )
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
