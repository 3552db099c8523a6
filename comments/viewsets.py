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
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from comments.forms import ModerationForm
from comments.models import Comment
from comments.moderation import moderate
from comments.permissions import ACCESS, REPLY_PERMISSION, can_reply_as_hospital
from comments.replies import REFUSAL_MESSAGES, approval_refusal, can_be_answered, log_refusal
from comments.reply_view import reply_as_hospital
from moderation.viewsets import DecisionEditViewMixin, ModerationViewSetMixin


def _pages_with_comments(request) -> QuerySet[Page]:
    return Page.objects.filter(reader_comments__isnull=False).distinct().order_by("title")


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Comment.Status.choices, empty_label=_("Any status")
    )
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


class CommentIndexView(IndexView):
    def get_base_queryset(self) -> QuerySet[Comment]:
        return super().get_base_queryset().select_related("page")


class CommentEditView(DecisionEditViewMixin, EditView):
    """Saving records a moderation decision (logged, notified) instead of a plain edit."""

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

    def save_instance(self) -> Comment:
        data = self.form.cleaned_data
        moderate([self.object.pk], data["status"], self.request.user, data["rejection_reason"])
        self.object.refresh_from_db()
        return self.object


class CommentViewSet(ModerationViewSetMixin, SnippetViewSet):
    access = ACCESS
    extra_codenames = ("reply_as_hospital",)
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "reader-comments"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    filterset_class = CommentFilterSet
    ordering = ["-created_at"]
    list_display = [
        "excerpt",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            primary=lambda comment: comment.status == Comment.Status.PENDING,
            sort_key="status",
        ),
        FlaggedColumn("flagged_identifiers", label=_("Possible personal details")),
        Column("page", label=_("Story"), accessor="page.title"),
        DateColumn("created_at", label=_("Posted"), sort_key="created_at"),
    ]
    edit_handler = ObjectList(
        [
            HelpPanel(
                heading=_("Comment"),
                template="comments/admin/comment_under_review_panel.html",
            ),
            FieldPanel("status", widget=forms.RadioSelect),
            FieldPanel("rejection_reason"),
        ],
        base_form_class=ModerationForm,
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
