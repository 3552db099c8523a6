"""The publishing guard: no reviewable page goes live while its review blockers are not empty.

Every way a page goes live meets :func:`refuse_publication` before anything changes:

- ``revision.publish()`` (the review's finish action, ``publish_scheduled``, bulk publish, the
  create view, wagtail-localize's "publish" and sync) calls the page's ``publish``, which
  :class:`workflow.models.ReviewableMixin` guards;
- the editor's "Publish" builds Wagtail's publish action itself, so the ``before_publish_page``
  hook (``workflow.integrity_hooks``) asks the guard first, as ``before_copy_page`` does for a
  copy with "Publish copies";
- anything else that saves a reviewable page as live with a new live revision (the admin API's
  publish action) is stopped by :func:`check_going_live` in the page's ``save``.

The blockers are asked again at that moment, from the revision about to go live, so a consent
revoked after approval keeps the page offline. A refusal is logged in the page's history and
the authors and Communications are emailed.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, Revision

from workflow.notifications import notify_publication_refused

PUBLICATION_REFUSED_ACTION = "workflow.publication_refused"

ROUTE_SCHEDULED = "scheduled go-live"
ROUTE_REVIEW = "review finished"
ROUTE_EDITOR = "published from the editor"
ROUTE_COPY = "copied with publish copies"
ROUTE_OTHER = "publish"


class PublicationRefused(PermissionDenied):
    """Raised where a refusal cannot simply leave the page as it was (see ``check_going_live``)."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__(" ".join(reasons))
        self.reasons = reasons


def publication_blockers(page: Any) -> list[str]:
    """What the page (as it would go live) says stops it; empty for pages that are not reviewed."""
    review_blockers = getattr(page, "review_blockers", None)
    return [str(reason) for reason in review_blockers()] if callable(review_blockers) else []


def route_of(log_action: Any) -> str:
    """Name the publishing path from the log action Wagtail's callers pass to ``publish``."""
    return ROUTE_SCHEDULED if log_action == "wagtail.publish.scheduled" else ROUTE_OTHER


def record_refusal(
    page: Page, revision: Revision | None, reasons: list[str], user: Any, route: str
) -> None:
    """Log the refused publication in the page's history and tell authors and Communications."""
    log(
        instance=page,
        action=PUBLICATION_REFUSED_ACTION,
        user=user if isinstance(user, AbstractBaseUser) else None,
        revision=revision,
        data={"route": route, "reasons": reasons},
    )
    notify_publication_refused(page, reasons, route)


def refuse_publication(revision: Revision, user: Any = None, route: str = ROUTE_OTHER) -> list[str]:
    """Check the revision about to go live; on blockers, record the refusal and return them.

    An empty list means the revision may be published.
    """
    page = revision.as_object()
    reasons = publication_blockers(page)
    if reasons:
        record_refusal(page, revision, reasons, user, route)
    return reasons


def check_going_live(page: Page) -> None:
    """Backstop in ``save``: refuse a reviewable page saved live with a new live revision.

    Only paths that bypass ``publish`` and the editor hook get here; the refusal is logged
    (without a user: the save does not know who asked) and raised as a permission error.
    """
    if not page.live or page.pk is None or page.live_revision_id is None:
        return
    stored = type(page).objects.filter(pk=page.pk).values_list("live", "live_revision_id").first()
    if stored is not None and stored == (True, page.live_revision_id):
        return
    reasons = publication_blockers(page)
    if reasons:
        record_refusal(page, page.live_revision, reasons, None, ROUTE_OTHER)
        raise PublicationRefused(reasons)


def refusal_message(reasons: list[str]) -> str:
    return _("Not published: %(reasons)s") % {"reasons": " ".join(reasons)}
