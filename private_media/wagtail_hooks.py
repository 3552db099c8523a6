"""Private documents and media rules in Wagtail's admin.

Wagtail's own document route (/documents/<id>/<name>) is closed to private documents; the
delete views and bulk actions apply ``private_media.rules``; refusals get their log action.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.log_actions import LogFormatter

from private_media import admin_views, rules
from private_media.views import DOWNLOADED_ACTION, refuse_unpermitted


@hooks.register("before_serve_document", order=-100)
def hand_private_documents_to_the_checked_view(
    document: AbstractDocument, request: HttpRequest
) -> HttpResponse | None:
    """Refuse, or send permitted staff to the private view: Wagtail's route never serves them."""
    if document.is_stored_privately or document.is_private:
        return refuse_unpermitted(request) or redirect(document.url)
    return None


@hooks.register("register_log_actions")
def register_private_download_log_action(actions) -> None:
    actions.register_action(DOWNLOADED_ACTION, _("Private document downloaded"), _("Downloaded"))


@hooks.register("register_log_actions")
def register_media_log_actions(actions) -> None:
    @actions.register_action(rules.REFUSED_ACTION)
    class MediaChangeRefusedFormatter(LogFormatter):
        label = rules.REFUSED_LABEL

        def format_message(self, log_entry) -> str:
            return _("Refused: %(attempt)s. %(reason)s") % {
                "attempt": log_entry.data.get("attempt", ""),
                "reason": log_entry.data.get("reason", ""),
            }


@hooks.register("register_admin_urls", order=-100)
def register_guarded_delete_urls() -> list:
    """Before Wagtail's own media URLs, so these delete views answer at the same addresses."""
    return admin_views.urlpatterns


@hooks.register("before_bulk_action")
def refuse_bulk_changes_to_guarded_media(
    request: HttpRequest, action_type: str, objects: list, action
) -> HttpResponse | None:
    """Bulk delete, tags and collection moves obey the same rules as the edit forms."""
    is_image = action.model is get_image_model()
    if not (is_image or action.model is get_document_model()):
        return None
    user = request.user
    reason = rules.first_refusal(user, objects, f"bulk {action_type}")
    if reason is None and action_type == "add_to_collection":
        target = action.cleaned_form.cleaned_data["collection"]
        for obj in objects:
            if is_image:
                refusal = rules.image_collection_refusal(target)
            else:
                refusal = rules.document_move_refusal(user, obj, target)
            if refusal:
                rules.log_refusal(user, obj, refusal, f"bulk {action_type}")
                reason = reason or f"“{obj}”: {refusal}"
    if reason is None:
        return None
    messages.error(request, reason)
    return redirect(action.next_url)


@hooks.register("after_bulk_action")
def move_bulk_moved_document_files(
    request: HttpRequest, action_type: str, objects: list, action
) -> None:
    """Wagtail's bulk move updates the rows only: put each file in the storage it now needs."""
    if action_type != "add_to_collection" or action.model is not get_document_model():
        return
    for document in action.model.objects.filter(pk__in=[obj.pk for obj in objects]):
        if document.file and document.is_stored_privately != document.is_private:
            document.move_file_to_matching_storage()
