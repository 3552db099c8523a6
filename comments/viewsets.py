"""The moderation queue in the Wagtail admin: a snippet viewset for ``Comment``.

A snippet viewset (rather than a bare ModelViewSet) gives the listing Wagtail's bulk-action
checkboxes and footer for free; the bulk actions themselves live in ``bulk_actions.py``.
"""

from __future__ import annotations

from functools import partial

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from comments.forms import ModerationForm
from comments.models import Comment
from comments.moderation import moderate
from comments.permissions import ACCESS, REPLY_PERMISSION, can_reply_as_hospital
from comments.replies import REFUSAL_MESSAGES, approval_refusal, can_be_answered, log_refusal
from comments.reply_view import reply_as_hospital
from moderation.viewsets import (
    DecisionEditViewMixin,
    ModerationViewSetMixin,
    decision_panels,
    status_column,
    status_filter,
    story_column,
)


def _pages_with_comments(request) -> QuerySet[Page]:
    return Page.objects.filter(reader_comments__isnull=False).distinct().order_by("title")


class CommentFilterSet(WagtailFilterSet):
    status = status_filter(Comment.Status.choices)
    page = django_filters.ModelChoiceFilter(
        label=_("Story"), queryset=_pages_with_comments, empty_label=_("Any story")
    )
    flagged = django_filters.BooleanFilter(
        label=_("Possible personal details"),
        method="filter_flagged",
        widget=forms.Select(
            choices=[("", _("Any")), ("true", _("Flagged")), ("false", _("Not flagged"))]
        ),
    )

    class Meta:
        model = Comment
        fields = ["status", "page", "flagged"]

    def filter_flagged(self, queryset: QuerySet[Comment], name: str, value: bool | None):
        if value is None:
            return queryset
        return queryset.flagged() if value else queryset.filter(flagged_identifiers=[])


class FlaggedColumn(Column):
    """Shows what the pre-screen found, highlighted so it stands out in the queue."""

    cell_template_name = "comments/admin/flagged_cell.html"


class CommentEditView(DecisionEditViewMixin, EditView):
    """Saving approves, rejects or marks as spam (``comments.moderation.moderate``)."""

    decision_messages = {
        Comment.Status.APPROVED: _("Comment by %(name)s approved."),
        Comment.Status.REJECTED: _("Comment by %(name)s rejected."),
        Comment.Status.SPAM: _("Comment by %(name)s marked as spam."),
        Comment.Status.PENDING: _("Comment by %(name)s is awaiting moderation again."),
    }
    reply_url_name = ""

    def decision_context(self, comment: Comment) -> dict[str, str]:
        return {"name": comment.name}

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """Approving a hospital reply one may not approve (one's own flagged reply) is
        refused with a 403 and logged, before any form is processed."""
        if not hasattr(self, "object"):
            self.object = self.get_object()
        reply = self.object
        approving = (
            reply.is_hospital_reply
            and request.POST.get("status") == Comment.Status.APPROVED
            and reply.status != Comment.Status.APPROVED
        )
        if approving and (refusal := approval_refusal(reply, request.user)):
            log_refusal(reply, request.user, refusal)
            return ACCESS.refuse(request, REFUSAL_MESSAGES[refusal])
        return super().post(request, *args, **kwargs)

    @cached_property
    def header_buttons(self) -> list:
        buttons = list(super().header_buttons)
        if can_be_answered(self.object) and can_reply_as_hospital(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Reply as the hospital"),
                    url=reverse(self.reply_url_name, args=[self.object.pk]),
                    icon_name="comment",
                )
            )
        return buttons

    def record_decision(self, data: dict) -> None:
        moderate([self.object.pk], data["status"], self.request.user, data["rejection_reason"])


class CommentViewSet(ModerationViewSetMixin, SnippetViewSet):
    access = ACCESS
    extra_codenames = ("reply_as_hospital",)
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "reader-comments"
    menu_order = 250
    add_to_admin_menu = True
    edit_view_class = CommentEditView
    filterset_class = CommentFilterSet
    ordering = ["-created_at"]
    list_display = [
        "excerpt",
        status_column(Comment.Status.PENDING),
        FlaggedColumn("flagged_identifiers", label=_("Possible personal details")),
        story_column(),
        DateColumn("created_at", label=_("Posted"), sort_key="created_at"),
    ]
    edit_handler = decision_panels(
        _("Comment"),
        "comments/admin/comment_under_review_panel.html",
        ModerationForm,
        "rejection_reason",
    )

    def get_edit_view_kwargs(self, **kwargs) -> dict:
        return super().get_edit_view_kwargs(reply_url_name=self.get_url_name("reply"), **kwargs)

    def get_urlpatterns(self) -> list:
        """The queue's views (:class:`ModerationViewSetMixin`) and the reply view, which needs
        the reply permission."""
        patterns = super().get_urlpatterns()
        reply_view = partial(reply_as_hospital, edit_url_name=self.get_url_name("edit"))
        patterns.append(
            path("reply/<str:pk>/", ACCESS.require(REPLY_PERMISSION, reply_view), name="reply")
        )
        return patterns
