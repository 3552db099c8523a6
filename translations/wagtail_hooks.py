"""Admin hooks: the translation editor offers "Submit for review" and warns when out of date;
wagtail-localize's publish-without-review routes are closed (``translations.localize_guard``)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.urls.resolvers import URLPattern
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Page

from translations.localize_guard import (
    convert_to_alias_with_publish_permission,
    update_translations_for_review,
)
from translations.status import is_out_of_date, out_of_date_message, translation_of
from translations.views import SubmitTranslationForReviewView, can_submit


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[URLPattern]:
    return [
        path(
            "translations/<int:translation_id>/submit-for-review/",
            SubmitTranslationForReviewView.as_view(),
            name="translations_submit_for_review",
        )
    ]


@hooks.register("register_admin_urls", order=-100)
def guard_translation_publishing_urls() -> list:
    """Ours in front of wagtail-localize's URLs of the same paths (``localize_guard``)."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            update_translations_for_review,
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias_with_publish_permission,
        ),
    ]


# Runs before wagtail-localize's own hook, which replaces the editor for synced translations
# (and returns its response, so later hooks would not run).
@hooks.register("before_edit_page", order=-10)
def guide_the_translator(request: HttpRequest, page: Page) -> None:
    if request.method != "GET":
        return
    translation = translation_of(page)
    if translation is None:
        return
    if is_out_of_date(translation):
        messages.warning(request, out_of_date_message(translation))
    if can_submit(page, request.user):
        url = reverse("translations_submit_for_review", args=[translation.pk])
        messages.info(
            request,
            _(
                "When the translation is ready, submit it for review: it goes live only after "
                "clinical review and Communications sign-off, like any page."
            ),
            buttons=[messages.button(url, _("Submit translation for review"))],
        )
