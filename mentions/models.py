"""Webmentions received for stories and sent for the links in them.

Pages are referenced as plain ``wagtailcore.Page`` so this app never imports ``blog``: a page
type opts in with the class attribute ``accepts_webmentions = True``.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from moderation.models import Moderated

URL_MAX_LENGTH = 2000
TITLE_MAX_LENGTH = 150


def page_accepts_webmentions(page) -> bool:
    """True for page types that opted in (stories) with ``accepts_webmentions``."""
    return bool(getattr(page.specific_class, "accepts_webmentions", False))


class FetchProblem(models.TextChoices):
    """Why fetching another site's page (to verify or to send) did not work."""

    UNREACHABLE = "unreachable", _("The other site could not be reached")
    HTTP_ERROR = "http_error", _("The other site answered with an error")
    TOO_LARGE = "too_large", _("The page is too large")
    TOO_SLOW = "too_slow", _("The other site was too slow to answer")
    TOO_MANY_REDIRECTS = "too_many_redirects", _("Too many redirects")
    PRIVATE_ADDRESS = "private_address", _("The address is on a private or local network")
    BAD_ADDRESS = "bad_address", _("Not a web address (http or https)")
    NOT_HTML = "not_html", _("The page is not an HTML page")


class MentionQuerySet(models.QuerySet):
    def approved(self) -> MentionQuerySet:
        return self.filter(status=ReceivedMention.Status.APPROVED)

    def awaiting_moderation(self) -> MentionQuerySet:
        return self.filter(status=ReceivedMention.Status.VERIFIED)

    def public_display(self) -> MentionQuerySet:
        """Approved mentions, oldest first, with only the columns the story page shows."""
        return (
            self.approved()
            .order_by("received_at", "pk")
            .only("pk", "source", "source_title", "source_host", "received_at")
        )


class ReceivedMention(Moderated):
    """Another site says its page (``source``) links to one of our stories (``target``).

    Only ``approved`` mentions are ever shown. A mention is approved by Communications, and only
    after the verification job found the link on the source page.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending verification")
        VERIFIED = "verified", _("Verified, awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class Reason(models.TextChoices):
        UNREACHABLE = FetchProblem.UNREACHABLE.value, FetchProblem.UNREACHABLE.label
        HTTP_ERROR = FetchProblem.HTTP_ERROR.value, FetchProblem.HTTP_ERROR.label
        TOO_LARGE = FetchProblem.TOO_LARGE.value, FetchProblem.TOO_LARGE.label
        TOO_SLOW = FetchProblem.TOO_SLOW.value, FetchProblem.TOO_SLOW.label
        TOO_MANY_REDIRECTS = (
            FetchProblem.TOO_MANY_REDIRECTS.value,
            FetchProblem.TOO_MANY_REDIRECTS.label,
        )
        PRIVATE_ADDRESS = FetchProblem.PRIVATE_ADDRESS.value, FetchProblem.PRIVATE_ADDRESS.label
        BAD_ADDRESS = FetchProblem.BAD_ADDRESS.value, FetchProblem.BAD_ADDRESS.label
        NOT_HTML = FetchProblem.NOT_HTML.value, FetchProblem.NOT_HTML.label
        NO_LINK = "no_link", _("The source page does not link to the story")
        STORY_OFFLINE = "story_offline", _("The story is no longer published")
        DECLINED = "declined", _("Declined by Communications")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="webmentions",
    )
    source = models.URLField(_("mentioning page"), max_length=URL_MAX_LENGTH)
    target = models.URLField(_("story address"), max_length=URL_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices, blank=True)
    source_title = models.CharField(_("title of the mentioning page"), max_length=200, blank=True)
    source_host = models.CharField(_("site"), max_length=253, blank=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    verified_at = models.DateTimeField(
        _("link found at"),
        null=True,
        blank=True,
        help_text=_("When the verification job last found the link; empty if it did not."),
    )

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        default_permissions = ("delete",)
        permissions = [("moderate_mention", _("Can moderate mentions from other sites"))]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="mention_source_target"),
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "verified", "approved", "rejected"]),
                name="mention_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["page", "status", "received_at"], name="mention_page_status_idx"),
            models.Index(fields=["status", "received_at"], name="mention_status_idx"),
        ]

    def __str__(self) -> str:
        return _("Mention on %(host)s") % {"host": self.source_host or self.source}

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What readers could see when it was loaded: saving a change to it refreshes the story.
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    @property
    def display_title(self) -> str:
        """The source page's title, or its address when it has none."""
        return self.source_title or Truncator(self.source).chars(80)

    @property
    def passed_verification(self) -> bool:
        return self.verified_at is not None

    @property
    def was_public(self) -> bool:
        return getattr(self, "_loaded_status", None) == self.Status.APPROVED


class SentMention(models.Model):
    """A Webmention this site sends to a page one of its stories links to."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        NO_ENDPOINT = "no_endpoint", _("The other site does not take Webmentions")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent: the story is no longer published")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="sent_webmentions",
    )
    target = models.URLField(_("linked page"), max_length=URL_MAX_LENGTH)
    source = models.URLField(_("story address"), max_length=URL_MAX_LENGTH, blank=True)
    endpoint = models.URLField(_("Webmention endpoint"), max_length=URL_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    problem = models.CharField(
        _("problem"), max_length=20, choices=FetchProblem.choices, blank=True
    )
    response_status = models.PositiveSmallIntegerField(_("answer code"), null=True, blank=True)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    attempted_at = models.DateTimeField(_("attempted at"), null=True, blank=True)

    class Meta:
        ordering = ["-queued_at", "-pk"]
        verbose_name = _("sent mention")
        verbose_name_plural = _("sent mentions")
        constraints = [
            models.UniqueConstraint(fields=["page", "target"], name="sent_mention_page_target"),
        ]
        indexes = [models.Index(fields=["status", "queued_at"], name="sent_mention_status_idx")]

    def __str__(self) -> str:
        return f"{self.target}"
