"""Who may change which image or document, and the audit trail of every refusal.

- Media that a live page uses change only through an administrator: readers see nothing that
  has not been reviewed. Everyone else uploads a new image or document and chooses it in the
  page, which then goes through review.
- A document moves into or out of a private collection, or has its private file replaced, only
  through an administrator: a signed consent form never becomes public and is never swapped.
- Images are never kept in a private collection (consent forms are documents), for anyone.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images.models import AbstractImage
from wagtail.log_actions import log
from wagtail.models import Collection, Page, ReferenceIndex

from private_media.models import collection_is_private

REFUSED_ACTION = "private_media.change_refused"
REFUSED_LABEL = gettext_lazy("Media change refused")
SHOWN_PAGE_TITLES = 3


def is_administrator(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    return bool(user and user.is_active and user.is_superuser)


def live_pages_using(obj: Model) -> QuerySet[Page]:
    """Live pages whose published content refers to ``obj`` (Wagtail's reference index).

    A page's own row holds its published content, so a draft that adds or drops the object
    does not change the answer until it is published.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
    return Page.objects.filter(
        live=True, pk__in=[int(pk) for pk in page_ids.values_list("object_id", flat=True)]
    ).order_by("title")


def live_use_refusal(user, obj: Model) -> str | None:
    """Why ``user`` may not change or delete ``obj``, or None when they may."""
    if is_administrator(user) or obj.pk is None:
        return None
    titles = list(live_pages_using(obj).values_list("title", flat=True)[: SHOWN_PAGE_TITLES + 1])
    if not titles:
        return None
    shown = ", ".join(f"“{title}”" for title in titles[:SHOWN_PAGE_TITLES])
    if len(titles) > SHOWN_PAGE_TITLES:
        shown += ", …"
    if isinstance(obj, AbstractImage):
        message = _(
            "This image is used by live pages (%(pages)s), so only administrators can change "
            "or delete it: readers would see the change without review. Upload a new image and "
            "choose it in the page instead; the page then goes through review."
        )
    else:
        message = _(
            "This document is used by live pages (%(pages)s), so only administrators can "
            "change or delete it: readers would see the change without review. Upload a new "
            "document and link it in the page instead; the page then goes through review."
        )
    return message % {"pages": shown}


def image_collection_refusal(collection: Collection | None) -> str | None:
    """Images may not live in a private collection: their files are always public."""
    if collection is not None and collection_is_private(collection):
        return _(
            "Images cannot be kept in the private collection “%(collection)s”: image files "
            "are always public. Consent forms are documents: upload the signed form under "
            "Documents."
        ) % {"collection": collection.name}
    return None


def document_move_refusal(user, document: Model, target: Collection | None) -> str | None:
    """Only administrators move a document between private and public collections."""
    if is_administrator(user) or document.pk is None or target is None:
        return None
    if collection_is_private(document.collection) == collection_is_private(target):
        return None
    return _(
        "Only administrators can move a document into or out of a private collection: its "
        "file would move between private and public storage."
    )


def document_replace_refusal(user, document: Model) -> str | None:
    """Only administrators replace the file of a private document (a signed form is final)."""
    if is_administrator(user) or document.pk is None or not document.is_private:
        return None
    return _(
        "The file of a document in a private collection cannot be replaced: a signed consent "
        "form is final. Upload the new form as a new document; only administrators can "
        "replace the file."
    )


def log_refusal(user, obj: Model, reason: str, attempt: str) -> None:
    """Record a refused attempt in the object's history (Reports → Site history)."""
    log(
        instance=obj,
        action=REFUSED_ACTION,
        user=user if getattr(user, "is_authenticated", False) else None,
        data={"attempt": attempt, "reason": str(reason)},
    )


def first_refusal(user, objects: Iterable[Model], attempt: str) -> str | None:
    """The first live-use refusal among ``objects``, each refused one logged."""
    message = None
    for obj in objects:
        reason = live_use_refusal(user, obj)
        if reason:
            log_refusal(user, obj, reason, attempt)
            message = message or f"“{obj}”: {reason}"
    return message
