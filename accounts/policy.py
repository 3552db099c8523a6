"""Who must sign in with a second factor, and whether this session has."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


def two_factor_required(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Superusers and holders of ``STAFF_2FA_PERMISSION`` (a permission, not a group name),
    while ``STAFF_2FA_REQUIRED`` is on."""
    if not settings.STAFF_2FA_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm(settings.STAFF_2FA_PERMISSION)


def has_authenticator(user: AbstractBaseUser) -> bool:
    """A confirmed authenticator app: recovery codes alone do not count as enrolled."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def has_second_factor(user: AbstractBaseUser) -> bool:
    """Any confirmed device (app or recovery codes): the session must then be verified."""
    return user_has_device(user, confirmed=True)


def reset_second_factor(user: AbstractBaseUser) -> int:
    """Remove the user's authenticator and recovery codes; return how many devices went."""
    devices = [TOTPDevice.objects.filter(user=user), StaticDevice.objects.filter(user=user)]
    count = sum(queryset.count() for queryset in devices)
    for queryset in devices:
        queryset.delete()
    return count
