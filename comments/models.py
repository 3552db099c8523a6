"""Readers' comments on stories and videos, every one held for moderation.

The page is referenced as a plain ``wagtailcore.Page`` so this app never imports ``blog``:
a page type opts in to comments with the class attribute ``accepts_reader_comments = True``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from comments.prescreen import IDENTIFIER_LABELS
from moderation.models import Moderated

BODY_MIN_LENGTH = 2
BODY_MAX_LENGTH = 3000
NAME_MAX_LENGTH = 80


def page_accepts_comments(page) -> bool:
    """True for page types that opted in (stories and videos) with ``accepts_reader_comments``."""
    return bool(getattr(page.specific_class, "accepts_reader_comments", False))


class CommentQuerySet(models.QuerySet):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PENDING)

    def flagged(self) -> CommentQuerySet:
        return self.exclude(flagged_identifiers=[])

    def readers(self) -> CommentQuerySet:
        """Readers' comments, without the hospital's replies."""
        return self.filter(reply_to__isnull=True)

    def publicly_visible(self) -> CommentQuerySet:
        """Approved comments, and approved hospital replies to approved comments only."""
        return self.approved().filter(
            models.Q(reply_to__isnull=True) | models.Q(reply_to__status=Comment.Status.APPROVED)
        )

    def public_display(self) -> CommentQuerySet:
        """Approved comments and the hospital's approved replies, oldest first, with only the
        columns the public page shows (one query: the page nests replies itself)."""
        return (
            self.approved()
            .order_by("created_at", "pk")
            .only("pk", "name", "body", "created_at", "reply_to_id")
        )


class Comment(Moderated):
    """A reader's comment; only ``approved`` comments are ever shown to the public."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    class RejectionReason(models.TextChoices):
        MEDICAL_ADVICE = "medical_advice", _("Asks for medical advice")
        OTHERS_HEALTH_DETAILS = (
            "others_health_details",
            _("Personal health details of someone else"),
        )
        IDENTIFYING_DETAILS = (
            "identifying_details",
            _("Identifying details (phone, address, date of birth, hospital number)"),
        )
        ABUSE = "abuse", _("Abusive or offensive")
        SPAM = "spam", _("Spam or advertising")
        OFF_TOPIC = "off_topic", _("Off-topic")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="reader_comments",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("Never shown publicly; used only to tell the reader their comment is up."),
    )
    notify_on_approval = models.BooleanField(_("email me when it is published"), default=False)
    body = models.TextField(
        _("comment"),
        validators=[MinLengthValidator(BODY_MIN_LENGTH), MaxLengthValidator(BODY_MAX_LENGTH)],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)
    rejection_reason = models.CharField(
        _("reason"), max_length=30, choices=RejectionReason.choices, blank=True
    )
    # HMAC-SHA256 of the client address keyed with SECRET_KEY: enough to rate-limit and spot a
    # flood from one client, never the address itself. Cleared after 30 days by
    # ``purge_comment_fingerprints``.
    fingerprint = models.CharField(_("client fingerprint"), max_length=64, blank=True)
    # The random id of the signed form this comment was sent with: unique, so each form shown
    # to a reader is accepted once (a replayed form is refused). Empty for hospital replies.
    form_token = models.CharField(max_length=32, null=True, blank=True, unique=True, editable=False)
    # Set on the hospital's official replies only: the reader's comment it answers (one level
    # deep) and the staff member who wrote it (never shown publicly; used for the rule that a
    # held reply is approved by someone else).
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="hospital_replies",
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    flagged_identifiers = models.JSONField(
        _("possible identifiers"),
        default=list,
        blank=True,
        help_text=_("What the pre-screen found that looks like personal details."),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        default_permissions = ("delete",)
        permissions = [
            ("moderate_comment", _("Can moderate readers' comments")),
            ("reply_as_hospital", _("Can reply to readers' comments as the hospital")),
        ]
        indexes = [
            models.Index(fields=["page", "status", "created_at"], name="comment_page_status_idx"),
            models.Index(fields=["status", "created_at"], name="comment_status_idx"),
            models.Index(fields=["fingerprint", "created_at"], name="comment_fingerprint_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "approved", "rejected", "spam"]),
                name="comment_status_valid",
            ),
        ]

    def __str__(self) -> str:
        # No words of the comment here: this label is copied into the audit log, which must not
        # keep personal details after a comment is rejected or erased.
        return _("Comment %(id)s by %(name)s") % {"id": self.pk, "name": self.name}

    def excerpt(self) -> str:
        """The first words, for the moderation queue (a hospital reply says so first)."""
        words = Truncator(" ".join(self.body.split())).chars(90)
        return _("Hospital reply: %(words)s") % {"words": words} if self.reply_to_id else words

    excerpt.short_description = _("comment")

    @property
    def anchor(self) -> str:
        """The id of this comment's element on the story page (its permalink fragment)."""
        return f"comment-{self.pk}"

    @property
    def is_hospital_reply(self) -> bool:
        return self.reply_to_id is not None

    @property
    def is_flagged(self) -> bool:
        return bool(self.flagged_identifiers)

    def flagged_labels(self) -> list[str]:
        """Human labels of what the pre-screen found, for moderators."""
        return [str(IDENTIFIER_LABELS.get(code, code)) for code in self.flagged_identifiers]
