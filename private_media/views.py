"""The only way to a private document: logged-in staff who hold the download permission."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.log_actions import log

DOWNLOAD_PERMISSION = "private_media.download_private_document"
# Every download of a private document is in the audit log: who, which document, when.
DOWNLOADED_ACTION = "private_media.private_document_downloaded"


def private_document(
    request: HttpRequest, document_id: int, document_filename: str
) -> HttpResponse:
    """Serve a document from a private collection to permitted staff (public ones redirect)."""
    document = get_object_or_404(get_document_model(), id=document_id)
    if document.filename != document_filename:
        raise Http404("This document does not match the given filename.")
    if not (document.is_stored_privately or document.is_private):
        return redirect(document.url)
    return private_document_response(request, document)


def refuse_unpermitted(request: HttpRequest) -> HttpResponse | None:
    """Send anonymous visitors to log in and refuse staff without the download permission."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if not request.user.has_perm(DOWNLOAD_PERMISSION):
        raise PermissionDenied
    return None


def private_document_response(request: HttpRequest, document: AbstractDocument) -> HttpResponse:
    """Check permission, then stream the file from disk or redirect to a short-lived S3 link."""
    refusal = refuse_unpermitted(request)
    if refusal is not None:
        return refusal
    log(instance=document, action=DOWNLOADED_ACTION, user=request.user)
    if not document.is_stored_locally():
        # Remote private storage: its URL is presigned and expires within five minutes.
        response: HttpResponse = redirect(document.file.url)
    else:
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=document.content_disposition != "inline",
            filename=document.filename,
            content_type=document.content_type,
        )
        response["Content-Security-Policy"] = "default-src 'none'"
        response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response
