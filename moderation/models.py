"""The fields every moderated item carries (comments, mentions): who decided, and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Moderated(models.Model):
    """Abstract: the moderation decision's author and time. Each queue keeps its own ``status``
    choices (a comment can be spam; a mention is verified before it can be approved)."""

    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    class Meta:
        abstract = True
