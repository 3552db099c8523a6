"""Admin hooks: tell the editor of a translation when its original has changed since."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page

from translations.status import is_out_of_date, out_of_date_message, translation_of


# Runs before wagtail-localize's own hook, which replaces the editor for synced translations.
@hooks.register("before_edit_page", order=-10)
def warn_when_original_changed(request: HttpRequest, page: Page) -> None:
    if request.method != "GET":
        return
    translation = translation_of(page)
    if translation is not None and is_out_of_date(translation):
        messages.warning(request, out_of_date_message(translation))
