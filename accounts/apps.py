from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff accounts: two-factor sign-in and the login lockout's admin side."""

    name = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from accounts import lockout  # noqa: F401 - connects the lockout log receiver
