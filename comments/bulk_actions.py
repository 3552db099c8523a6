"""Bulk approve, reject and mark-as-spam from the moderation queue's checkboxes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from comments.forms import RejectionForm
from comments.models import Comment
from comments.moderation import moderate
from comments.permissions import DELETE_PERMISSION, can_moderate, refuse


class ModerationBulkAction(SnippetBulkAction):
    """A moderation decision applied to every selected comment, after a confirmation page."""

    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderation.html"
    status: str = ""
    confirm_label = _("Yes, go ahead")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Other bulk actions list the items "without access"; that would show unmoderated
        # comments to people who may not read them, so refuse outright.
        if not can_moderate(request.user):
            return refuse(request)
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, comment: Comment) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    def reason(self) -> str:
        return ""

    def get_execution_context(self) -> dict:
        return {"user": self.request.user, "status": self.status, "reason": self.reason()}

    @classmethod
    def execute_action(cls, objects, user=None, status="", reason="", **kwargs) -> tuple[int, int]:
        return moderate([comment.pk for comment in objects], status, user, reason), 0

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["action_title"] = self.display_name
        context["confirm_label"] = self.confirm_label
        return context


class ApproveBulkAction(ModerationBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected comments")
    action_priority = 10
    status = Comment.Status.APPROVED
    confirm_label = _("Yes, publish them")

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return ngettext(
            "%(count)d comment approved and published.",
            "%(count)d comments approved and published.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RejectBulkAction(ModerationBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject selected comments")
    action_priority = 20
    status = Comment.Status.REJECTED
    form_class = RejectionForm
    confirm_label = _("Yes, reject them")

    def reason(self) -> str:
        return self.cleaned_form.cleaned_data["reason"]

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return ngettext(
            "%(count)d comment rejected.", "%(count)d comments rejected.", num_parent_objects
        ) % {"count": num_parent_objects}


class SpamBulkAction(ModerationBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark selected comments as spam")
    action_priority = 30
    status = Comment.Status.SPAM
    classes = {"serious"}
    confirm_label = _("Yes, mark as spam")

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return ngettext(
            "%(count)d comment marked as spam.",
            "%(count)d comments marked as spam.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class DeleteCommentsBulkAction(DeleteBulkAction):
    """Wagtail's snippet bulk delete, for administrators only (registered to replace it)."""

    models = [Comment]

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(DELETE_PERMISSION):
            return refuse(request)
        return super().dispatch(request, *args, **kwargs)


BULK_ACTIONS = [ApproveBulkAction, RejectBulkAction, SpamBulkAction, DeleteCommentsBulkAction]
