"""Wagtail's image and document delete views, refusing media that live pages use.

Wagtail has no hook before deleting an image or document, so these subclasses take over the
same admin addresses (see ``wagtail_hooks.register_guarded_delete_urls``); everything else is
Wagtail's own view.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from wagtail.admin import messages
from wagtail.documents.views import documents as document_views
from wagtail.documents.views import multiple as document_multiple
from wagtail.images.views import images as image_views
from wagtail.images.views import multiple as image_multiple

from private_media import rules


class RefuseLiveMediaDeleteMixin:
    """The confirmation page's POST: a message and nothing deleted when live pages use it."""

    def form_valid(self, form) -> HttpResponse:
        reason = rules.live_use_refusal(self.request.user, self.object)
        if reason:
            rules.log_refusal(self.request.user, self.object, reason, "delete")
            messages.error(self.request, reason)
            return redirect(reverse(self.index_url_name))
        return super().form_valid(form)


class RefuseLiveMediaMultipleDeleteMixin:
    """The multiple uploader's delete (JSON): refused the same way."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        obj = get_object_or_404(self.get_model(), pk=kwargs[self.pk_url_kwarg])
        reason = rules.live_use_refusal(request.user, obj)
        if reason:
            rules.log_refusal(request.user, obj, reason, "delete")
            return JsonResponse({"success": False, "error_message": reason}, status=403)
        return super().post(request, *args, **kwargs)


class ImageDeleteView(RefuseLiveMediaDeleteMixin, image_views.DeleteView):
    pass


class DocumentDeleteView(RefuseLiveMediaDeleteMixin, document_views.DeleteView):
    pass


class ImageMultipleDeleteView(RefuseLiveMediaMultipleDeleteMixin, image_multiple.DeleteView):
    pass


class DocumentMultipleDeleteView(RefuseLiveMediaMultipleDeleteMixin, document_multiple.DeleteView):
    pass


# The same paths as wagtail.images.admin_urls and wagtail.documents.admin_urls.
urlpatterns = [
    path("images/<int:image_id>/delete/", ImageDeleteView.as_view()),
    path("images/multiple/<int:image_id>/delete/", ImageMultipleDeleteView.as_view()),
    path("documents/delete/<int:document_id>/", DocumentDeleteView.as_view()),
    path("documents/multiple/<int:doc_id>/delete/", DocumentMultipleDeleteView.as_view()),
]
