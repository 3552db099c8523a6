"""Password rules: at least 12 characters, not a common password, not like the user's names."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from demo.seed.users import resolve_password


def new_user(client, password: str, username: str = "nadia.rahman"):
    return client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": username,
            "email": "nadia.rahman@example.org",
            "first_name": "Nadia",
            "last_name": "Rahman",
            "password1": password,
            "password2": password,
        },
    )


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Gx7!kq2#Lp", "This password is too short. It must contain at least 12 characters."),
        ("password1234", "This password is too common."),
        ("nadia.rahman1", "The password is too similar to the username."),
        ("739184627503914", "This password is entirely numeric."),
    ],
)
def test_the_admin_refuses_weak_passwords_for_new_staff(client_for, admin_user, password, reason):
    response = new_user(client_for(admin_user), password)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not User.objects.filter(username="nadia.rahman").exists()


def test_the_admin_accepts_a_long_uncommon_password(client_for, admin_user):
    response = new_user(client_for(admin_user), "lantern quietly orbits 42 ferns")
    assert response.status_code == 302
    assert User.objects.get(username="nadia.rahman").check_password(
        "lantern quietly orbits 42 ferns"
    )


def test_eleven_characters_are_too_few_twelve_are_enough():
    with pytest.raises(ValidationError):
        validate_password("qz8#wL2!vR5m"[:11])
    validate_password("qz8#wL2!vR5m")


@pytest.mark.django_db
def test_generated_demo_passwords_pass_the_rules():
    """`make demo` prints a generated password; it must satisfy the same rules."""
    for username in ["author", "reviewer", "comms", "admin"]:
        password, generated = resolve_password(None)
        assert generated
        validate_password(password, User(username=username, email=f"{username}@example.org"))
