"""What readers may see of a member of staff: the public title of a clinical reviewer."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffProfile(models.Model):
    """One per person who needs one; the user edits it under Account, administrators anywhere."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    public_title = models.CharField(
        _("public title"),
        max_length=150,
        blank=True,
        help_text=_(
            "How readers see you on the pages you clinically review, with your role or "
            "credentials, e.g. “Dr Samir Patel, cardiologist”. Empty: your full name."
        ),
    )

    class Meta:
        verbose_name = _("public title")
        verbose_name_plural = _("public titles")

    def __str__(self) -> str:
        return self.public_title or self.user.get_username()


def public_name(user: AbstractBaseUser | None) -> str:
    """The name readers see for ``user``: their public title, else full name, else username."""
    if user is None:
        return ""
    title = StaffProfile.objects.filter(user=user).values_list("public_title", flat=True).first()
    return (title or "").strip() or user.get_full_name().strip() or user.get_username()
