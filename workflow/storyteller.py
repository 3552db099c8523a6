"""The storyteller approves the text of their story before clinical review.

An editor sends the person on the story's consent record a one-time link to a read-only
preview of the latest revision. Their decision ("I approve" / "I want changes", with a comment)
is stored on a :class:`~workflow.models.StorytellerApproval` linked to the consent record, and
logged in the page's history. Stories told by or about a patient cannot pass clinical review (or
be published) until the storyteller approved exactly the content under review: the approval is
matched by a fingerprint of the content, so any later change needs a fresh approval.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import re
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Page

from clinic_site.client import client_address
from clinic_site.notifications import Recipient, edit_link, send_templated_email
from workflow.models import ConsentRecord, ReviewableMixin, StorytellerApproval
from workflow.models.storyteller import StorytellerLinkVisit, token_hash

LINK_SENT_ACTION = "workflow.storyteller_link_sent"
DECISION_ACTION = "workflow.storyteller_decision"
BLOCK_KEY = re.compile(r' data-block-key=(?:\\\\)*\\?"[^"\\]*(?:\\\\)*\\?"')
# Page fields readers see; the specific page type's own fields are added to them.
PAGE_CONTENT_FIELDS = ("title", "seo_title", "search_description")


def link_days() -> int:
    return getattr(settings, "STORYTELLER_LINK_DAYS", 14)


def needs_storyteller_approval(page: Any) -> bool:
    """Pages that say so (stories told by or about a patient) need the storyteller's approval."""
    check = getattr(page, "needs_storyteller_approval", None)
    return bool(check()) if callable(check) else False


def content_fingerprint(page: Page) -> str:
    """SHA-256 of what readers would see of this version of the page.

    The page type's own fields, its child objects (topics) without their database ids, and the
    title and search texts; bookkeeping that changes with every save (revision ids, dates,
    locks) and the review's own record are left out, so an unchanged resubmission matches.
    """
    for field in type(page)._meta.concrete_fields:
        if isinstance(field, StreamField):
            # Every block read once: a stream serialises the same whether or not it was read.
            for _block in field.value_from_object(page):
                pass
    data = page.serializable_data()
    # Written by the review itself, never by the author: not part of what is approved.
    review_fields = {field.name for field in ReviewableMixin._meta.get_fields()}
    # Worked out from the content on every save (a story's reading time and structured data,
    # which carries the publication dates): what the storyteller approved is the content.
    review_fields.update(getattr(type(page), "derived_fields", ()))
    page_relations = {relation.name for relation in get_all_child_relations(Page)}
    specific_fields = [
        field.name
        for field in type(page)._meta.local_concrete_fields
        if not field.primary_key and field.name not in review_fields
    ]
    content = {name: data.get(name) for name in (*PAGE_CONTENT_FIELDS, *specific_fields)}
    for relation in get_all_child_relations(type(page)):
        if relation.name in page_relations:
            continue
        parent_key = relation.field.name
        children = [
            {key: value for key, value in child.items() if key not in ("pk", "id", parent_key)}
            for child in data.get(relation.name) or []
        ]
        content[relation.name] = sorted(
            json.dumps(child, sort_keys=True, cls=DjangoJSONEncoder) for child in children
        )
    encoded = json.dumps(content, sort_keys=True, cls=DjangoJSONEncoder)
    # The rich-text editor adds block keys the first time it saves a text: not a change.
    encoded = BLOCK_KEY.sub("", encoded)
    return hashlib.sha256(encoded.encode()).hexdigest()


def latest_decision(page: Page) -> StorytellerApproval | None:
    """The storyteller's last decision on this very content, with this consent record."""
    return (
        StorytellerApproval.objects.filter(
            page_id=page.pk,
            consent_record_id=page.consent_record_id,
            content_fingerprint=content_fingerprint(page),
            decided_at__isnull=False,
        )
        .order_by("-decided_at", "-pk")
        .first()
    )


def storyteller_blockers(page: Page) -> list[str]:
    """Why the storyteller's approval is missing for this version of the page; empty if given."""
    if not needs_storyteller_approval(page) or page.consent_record_id is None:
        return []
    decision = latest_decision(page) if page.pk else None
    if decision is None:
        return [_("The storyteller has not approved this version yet.")]
    if decision.decision == StorytellerApproval.Decision.CHANGES:
        return [
            _("The storyteller asked for changes: “%(comment)s”")
            % {"comment": decision.comment or _("no comment")}
        ]
    return []


def sending_refusal(page: Page) -> str:
    """Why no link can be sent for this page now; empty when one can."""
    if not needs_storyteller_approval(page):
        return _("Only stories told by or about a patient need the storyteller's approval.")
    record: ConsentRecord | None = page.consent_record
    if record is None:
        return _("Link a consent record in the Consent tab first.")
    if record.revoked_at:
        return _("The linked consent was revoked.")
    if not record.email:
        return _(
            "Consent record %(reference)s has no email address for the storyteller: ask a "
            "clinical reviewer or Communications to add it."
        ) % {"reference": record.reference}
    return ""


def link_url(token: str) -> str:
    path = reverse("storyteller_link", args=[token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


class LinkNotSent(Exception):
    """The storyteller's email could not be sent (already logged); no link was created."""


def send_link(page: Page, user: AbstractBaseUser) -> StorytellerApproval:
    """Create a link to the latest revision and email it to the storyteller in the page's
    language. Raises ValueError with the reason when no link can be sent, and
    :class:`LinkNotSent` when the email could not be sent."""
    revision = page.get_latest_revision()
    version = revision.as_object()
    reason = sending_refusal(version)
    if reason:
        raise ValueError(reason)
    record = version.consent_record
    token, hashed = StorytellerApproval.new_token()
    with transaction.atomic():
        approval = StorytellerApproval.objects.create(
            page=page,
            revision=revision,
            consent_record=record,
            content_fingerprint=content_fingerprint(version),
            token_hash=hashed,
            sent_to=record.email,
            requested_by=user,
            expires_at=timezone.now() + datetime.timedelta(days=link_days()),
        )
        context = {
            "page": version,
            "url": link_url(token),
            "expires_at": approval.expires_at,
            "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        }
        storyteller = Recipient(record.email, page.locale.language_code)
        if not send_templated_email("workflow/storyteller/link", [storyteller], context).sent:
            raise LinkNotSent(page.pk)  # the link nobody received is not kept
    log(
        instance=page,
        action=LINK_SENT_ACTION,
        user=user,
        revision=revision,
        data={"consent_record": record.reference, "expires_at": approval.expires_at.isoformat()},
    )
    return approval


def approval_for_token(token: str) -> StorytellerApproval | None:
    if not token or len(token) > 100:
        return None
    return (
        StorytellerApproval.objects.select_related("consent_record", "revision", "page")
        .filter(token_hash=token_hash(token))
        .first()
    )


def link_refusal(approval: StorytellerApproval | None) -> tuple[int, str] | None:
    """The status and reason a link cannot be used, or None when it can."""
    if approval is None:
        return 404, "unknown"
    if approval.consent_record.revoked_at:
        return 403, "consent"
    if approval.is_decided:
        return 410, "used"
    if approval.is_expired:
        return 410, "expired"
    return None


def record_decision(approval: StorytellerApproval, decision: str, comment: str) -> bool:
    """Store the storyteller's decision once and tell the author; False if the link was used
    meanwhile."""
    with transaction.atomic():
        decided = store_decision(approval, decision, comment)
    if decided is None:
        return False
    notify_author(decided)
    return True


def store_decision(
    approval: StorytellerApproval, decision: str, comment: str
) -> StorytellerApproval | None:
    locked = StorytellerApproval.objects.select_for_update().get(pk=approval.pk)
    if locked.is_decided:
        return None
    record = locked.consent_record
    locked.decision = decision
    locked.comment = comment.strip()
    locked.decided_at = timezone.now()
    locked.decided_by_name = record.person_name
    locked.save(update_fields=["decision", "comment", "decided_at", "decided_by_name"])
    page = locked.page.specific
    log(
        instance=page,
        action=DECISION_ACTION,
        revision=locked.revision,
        data={
            "decision": decision,
            "comment": locked.comment,
            "consent_record": record.reference,
            "revision": locked.revision_id,
        },
    )
    return locked


def notify_author(approval: StorytellerApproval) -> None:
    """Email whoever sent the link the storyteller's decision, in their own language."""
    person = approval.requested_by
    if person is None:
        return
    page = approval.page.specific
    context = {
        "approval": approval,
        "page": page,
        "approved": approval.decision == StorytellerApproval.Decision.APPROVED,
        "edit_url": edit_link(page),
    }
    send_templated_email("workflow/storyteller/decision", [person], context)


def visitor_fingerprint(request: HttpRequest) -> str:
    key = f"workflow.storyteller:{settings.SECRET_KEY}".encode()
    return hmac.new(key, client_address(request).encode(), hashlib.sha256).hexdigest()


def over_rate_limit(request: HttpRequest) -> bool:
    """Count this request against its client address; True when the address is over the limit.

    Counted in the database under a per-client lock (PostgreSQL), like the comment limit, so
    every worker and instance shares the count.
    """
    limit = getattr(settings, "STORYTELLER_RATE_LIMIT", 30)
    window = datetime.timedelta(seconds=getattr(settings, "STORYTELLER_RATE_WINDOW_SECONDS", 600))
    fingerprint = visitor_fingerprint(request)
    since = timezone.now() - window
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(fingerprint[:15], 16)])
        StorytellerLinkVisit.objects.filter(created_at__lt=since).delete()
        recent = StorytellerLinkVisit.objects.filter(fingerprint=fingerprint).count()
        if recent >= limit:
            return True
        StorytellerLinkVisit.objects.create(fingerprint=fingerprint)
    return False
