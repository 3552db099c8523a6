"""Admin view: submit a synced translation for review instead of publishing it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.models import Translation

from translations.review import (
    NoReviewWorkflow,
    NotReadyForReview,
    submit_translation_for_review,
)
from translations.status import is_out_of_date, out_of_date_message


def can_submit(page: Page, user) -> bool:
    """Anyone who may edit the translated page may send it to review (as in Wagtail's editor)."""
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and not permissions.page_locked()


class SubmitTranslationForReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/admin/submit_for_review.html"
    page_title = gettext_lazy("Submit translation for review")
    header_icon = "resubmit"

    def dispatch(self, request: HttpRequest, translation_id: int) -> HttpResponse:
        self.translation = get_object_or_404(
            Translation.objects.select_related("source__locale", "target_locale"),
            id=translation_id,
            enabled=True,
        )
        target = self.translation.get_target_instance()
        if not isinstance(target, Page) or not can_submit(target, request.user):
            raise PermissionDenied
        self.page = target.specific
        return super().dispatch(request, translation_id)

    def get_page_subtitle(self) -> str:
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        total, translated = self.translation.get_progress()
        out_of_date = is_out_of_date(self.translation)
        return super().get_context_data(
            **kwargs,
            translation=self.translation,
            page=self.page,
            segments_total=total,
            segments_translated=translated,
            out_of_date_message=out_of_date_message(self.translation) if out_of_date else "",
            workflow=self.page.get_workflow(),
            workflow_state=self.page.current_workflow_state,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
        )

    def post(self, request: HttpRequest, translation_id: int) -> HttpResponse:
        try:
            submit_translation_for_review(self.translation, request.user)
        except NoReviewWorkflow as error:
            messages.error(request, str(error))
            return redirect(request.path)
        except NotReadyForReview as error:
            messages.error(request, str(error))
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        except ValidationError as error:
            messages.error(
                request,
                _("The translation cannot be saved yet: %(errors)s")
                % {"errors": "; ".join(error.messages)},
            )
            return redirect(request.path)
        messages.success(
            request,
            _(
                "“%(title)s” has been submitted for review. "
                "It goes live when both reviews approve it."
            )
            % {"title": self.page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)
