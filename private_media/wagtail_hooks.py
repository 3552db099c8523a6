"""Close Wagtail's own document route (/documents/<id>/<name>) to private documents."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from wagtail import hooks
from wagtail.documents.models import AbstractDocument

from private_media.views import private_document_response


@hooks.register("before_serve_document", order=-100)
def serve_private_documents_only_to_permitted_staff(
    document: AbstractDocument, request: HttpRequest
) -> HttpResponse | None:
    """Private documents get the same permission check as the private download view."""
    if document.is_stored_privately or document.is_private:
        return private_document_response(request, document)
    return None
