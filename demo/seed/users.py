"""Demo users, one per editorial role; their groups come from the workflow data migration."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

DEMO_USERS = [
    # username, first name, last name, group (None: superuser)
    ("author", "Ana", "Torres", "Authors"),
    ("reviewer", "Samir", "Patel", "Clinical reviewers"),
    ("comms", "Jordan", "Lee", "Communications"),
    ("admin", "Morgan", "Reyes", None),
]


@dataclass
class SeedContext:
    """What the steps share: the password rule and a log of what each step did."""

    password: str | None
    generated_password: bool = False
    lines: list[str] = field(default_factory=list)

    def say(self, line: str) -> None:
        self.lines.append(line)


def resolve_password(given: str | None) -> tuple[str, bool]:
    """Use DEMO_PASSWORD when set; otherwise generate one (the caller prints it)."""
    if given:
        return given, False
    return secrets.token_urlsafe(12), True


def seed(context: SeedContext) -> None:
    User = get_user_model()
    for username, first, last, group_name in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        if group_name is None:
            user.is_staff = user.is_superuser = True
        else:
            user.groups.add(Group.objects.get(name=group_name))
        # A generated password is only set on users created now, so a re-run never locks
        # people out; an explicit DEMO_PASSWORD always wins.
        if created or not context.generated_password:
            user.set_password(context.password)
        user.save()
        context.say(f"user {username}: {'created' if created else 'updated'}")
