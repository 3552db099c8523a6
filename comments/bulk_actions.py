"""Bulk approve, reject and mark-as-spam from the moderation queue's checkboxes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from comments.forms import RejectionForm
from comments.models import Comment
from comments.moderation import moderate
from comments.permissions import ACCESS
from moderation.bulk_actions import AdminOnlyDeleteBulkAction, ModerationBulkAction


class CommentBulkAction(ModerationBulkAction):
    """A moderation decision applied to every selected comment, after a confirmation page."""

    access = ACCESS
    models = [Comment]
    applies_to = ngettext_lazy(
        "This decision will apply to %(counter)s comment:",
        "This decision will apply to %(counter)s comments:",
        "counter",
    )
    no_access_message = _("You don't have permission to moderate these comments")

    @classmethod
    def decide(cls, pks, status, user, request, reason: str = "") -> int:
        return moderate(pks, status, user, reason)


class ApproveBulkAction(CommentBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected comments")
    action_priority = 10
    status = Comment.Status.APPROVED
    confirm_label = _("Yes, publish them")
    success_message = ngettext_lazy(
        "%(count)d comment approved and published.",
        "%(count)d comments approved and published.",
        "count",
    )


class RejectBulkAction(CommentBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject selected comments")
    action_priority = 20
    status = Comment.Status.REJECTED
    form_class = RejectionForm
    confirm_label = _("Yes, reject them")
    success_message = ngettext_lazy(
        "%(count)d comment rejected.", "%(count)d comments rejected.", "count"
    )

    def decision_details(self) -> dict[str, str]:
        return {"reason": self.cleaned_form.cleaned_data["reason"]}


class SpamBulkAction(CommentBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark selected comments as spam")
    action_priority = 30
    status = Comment.Status.SPAM
    classes = {"serious"}
    confirm_label = _("Yes, mark as spam")
    success_message = ngettext_lazy(
        "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
    )


class DeleteCommentsBulkAction(AdminOnlyDeleteBulkAction):
    """Wagtail's snippet bulk delete, for administrators only (registered to replace it)."""

    access = ACCESS
    models = [Comment]


BULK_ACTIONS = [ApproveBulkAction, RejectBulkAction, SpamBulkAction, DeleteCommentsBulkAction]
