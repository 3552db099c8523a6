"""Admin wiring: two-factor pages, the Account menu entry, user listing buttons, lockouts."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.widgets import Button

from accounts import lockout, views
from accounts.profile import PublicTitleSettingsPanel, PublicTitleViewSet

hooks.register("register_account_settings_panel", PublicTitleSettingsPanel)


@hooks.register("register_admin_viewset")
def register_public_title_viewset() -> PublicTitleViewSet:
    return PublicTitleViewSet("public_titles")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("two-factor/", views.overview, name="accounts_two_factor"),
        path("two-factor/verify/", views.verify, name="accounts_verify"),
        path("two-factor/setup/", views.setup, name="accounts_setup"),
        path("two-factor/users/<int:user_id>/reset/", views.reset, name="accounts_reset"),
        path("locked-sign-ins/", lockout.locked_sign_ins, name="accounts_locked_sign_ins"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Your authenticator app and recovery codes."),
    }


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if request_user.is_superuser:
        yield Button(
            _("Reset two-factor sign-in"),
            reverse("accounts_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_settings_menu_item")
def locked_sign_ins_menu_item():
    return AdminOnlyMenuItem(
        _("Locked sign-ins"), reverse("accounts_locked_sign_ins"), icon_name="lock", order=900
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "accounts.two_factor_enrolled", _("Two-factor set up"), _("Set up two-factor sign-in")
    )
    actions.register_action(
        "accounts.recovery_codes_renewed",
        _("Recovery codes renewed"),
        _("Made new two-factor recovery codes"),
    )
    actions.register_action(
        "accounts.two_factor_reset", _("Two-factor reset"), _("Reset two-factor sign-in")
    )
    actions.register_action(
        "accounts.locked_out", _("Sign-in locked"), _("Sign-in locked after failed attempts")
    )
    actions.register_action("accounts.unlocked", _("Sign-in unlocked"), _("Unlocked sign-in"))
