"""Close Wagtail's own document route (/documents/<id>/<name>) to private documents."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.documents.models import AbstractDocument

from private_media.views import refuse_unpermitted


@hooks.register("before_serve_document", order=-100)
def hand_private_documents_to_the_checked_view(
    document: AbstractDocument, request: HttpRequest
) -> HttpResponse | None:
    """Refuse, or send permitted staff to the private view: Wagtail's route never serves them."""
    if document.is_stored_privately or document.is_private:
        return refuse_unpermitted(request) or redirect(document.url)
    return None
