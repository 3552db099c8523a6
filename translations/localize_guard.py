"""Close the two wagtail-localize routes that would put a translation live without review.

- "Sync translated pages" has an "Apply the updates and publish immediately" box that
  publishes every translation with no publish-permission check at all; for anyone who may not
  publish those pages the box is ignored (the sync still happens, as drafts for review).
- "Convert to alias" makes a translated page mirror its original, live included; it now needs
  publish permission on the translated page, like publishing it would.

The views are registered in front of wagtail-localize's own URLs (same paths) and hand over to
its views once the request is safe. Its translation editor's own "Publish" already checks
``can_publish``, which only administrators pass.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.update_translations import UpdateTranslationsView


def may_publish_translations(request: HttpRequest, source: TranslationSource) -> bool:
    """True when the user could publish every translated page of this source themselves."""
    for translation in source.translations.filter(enabled=True):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        if isinstance(target, Page) and not target.permissions_for_user(request.user).can_publish():
            return False
    return True


def update_translations_for_review(
    request: HttpRequest, translation_source_id: int
) -> HttpResponse:
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    if (
        request.method == "POST"
        and request.POST.get("publish_translations")
        and not may_publish_translations(request, source)
    ):
        data = request.POST.copy()
        data.pop("publish_translations")
        request.POST = data
        messages.warning(
            request,
            _(
                "The translations were updated as drafts, not published: each one goes live "
                "only after clinical review and Communications sign-off."
            ),
        )
    return UpdateTranslationsView.as_view()(request, translation_source_id=translation_source_id)


def convert_to_alias_with_publish_permission(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert_to_alias(request, page_id)
