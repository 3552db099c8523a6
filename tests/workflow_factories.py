"""Consent records, storyteller approvals and the admin requests the workflow tests make
(stories themselves come from ``tests.blog_factories.make_story``).

Every review step goes through Wagtail's real admin views with the test client, as the person
at the keyboard would: the edit form's "Submit for review", the workflow action modal's
approve / request changes, the unpublish view.
"""

from __future__ import annotations

import datetime
import itertools

from django.core.files.base import ContentFile
from django.http import HttpResponse, QueryDict
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, TaskState
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import (
    _querydict_from_form,
    nested_form_data,
    rich_text,
    streamfield,
)

from workflow.models import ConsentRecord, StorytellerApproval
from workflow.storyteller import content_fingerprint

_numbers = itertools.count(1)


def signed_consent_form(title: str = "Signed consent form", content: bytes = b"") -> object:
    """A signed form (a small PDF) in the private "Consent forms" collection."""
    number = next(_numbers)
    content = content or b"%PDF-1.4\n% signed consent form " + str(number).encode() + b"\n%%EOF\n"
    return get_document_model().objects.create(
        title=f"{title} {number}",
        file=ContentFile(content, name=f"consent-form-{number}.pdf"),
        collection=Collection.objects.get(name="Consent forms"),
    )


def make_consent(person_name: str = "Rosa Delgado", **overrides) -> ConsentRecord:
    """A consent record signed by ``person_name`` with its signed form attached, covering
    everything a story can show (web story, video, photographs, name in the byline) unless the
    overrides (any ConsentRecord field) say otherwise."""
    today = timezone.localdate()
    values = {
        "person_name": person_name,
        "relationship": ConsentRecord.Relationship.SELF,
        "purpose": "Publication of my story on the hospital's website.",
        "date_signed": today - datetime.timedelta(days=30),
        "expires_on": today + datetime.timedelta(days=365),
        "scope_web_stories": True,
        "scope_video": True,
        "scope_photographs": True,
        "scope_name_in_byline": True,
    }
    values.update(overrides)
    if "signed_form" not in values:
        values["signed_form"] = signed_consent_form()
    return ConsentRecord.objects.create(**values)


def storyteller_approves(page: Page) -> StorytellerApproval:
    """Record the storyteller's approval of the page's latest version, as their link would."""
    revision = page.get_latest_revision()
    version = revision.as_object()
    now = timezone.now()
    return StorytellerApproval.objects.create(
        page=page,
        revision=revision,
        consent_record=version.consent_record,
        content_fingerprint=content_fingerprint(version),
        token_hash=StorytellerApproval.new_token()[1],
        sent_to="storyteller@example.org",
        expires_at=now + datetime.timedelta(days=1),
        decided_at=now,
        decision=StorytellerApproval.Decision.APPROVED,
        decided_by_name=version.consent_record.person_name,
    )


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form_data(client: Client, page: Page, **changes: str) -> QueryDict:
    """What the edit form posts for ``page`` (as the browser would build it), with changes."""
    response = client.get(edit_url(page))
    assert response.status_code == 200, response.status_code
    # The editor's page is parsed once (parsing it is a large part of each workflow test).
    form = WagtailTestUtils.get_soup(response.content.decode()).find("form", id="page-edit-form")
    assert form is not None, "no page edit form"
    data = _querydict_from_form(form, exclude_csrf=True)  # querydict_from_html, given the form
    # A browser posts "on" for a ticked box without a value; the helper posts "" (unticked).
    for box in form.select("input[type=checkbox][checked]"):
        if "value" not in box.attrs and box.get("name"):
            data.setlist(box["name"], ["on"])
    # The body is a JavaScript widget, so it is not in the HTML form: post the current blocks
    # (rich text and block ids as the editor keeps them), or new text when asked to change it.
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    if "body_text" in changes:
        blocks = [("text", rich_text(f"<p>{changes.pop('body_text')}</p>"))]
        data.update(nested_form_data({"body": streamfield(blocks)}))
    else:
        blocks = [("text", rich_text(block.value.source)) for block in draft.body]
        data.update(nested_form_data({"body": streamfield(blocks)}))
        for position, block in enumerate(draft.body):
            data[f"body-{position}-id"] = block.id
    for name, value in changes.items():
        data[name] = value
    return data


def submit_for_review(client: Client, page: Page) -> HttpResponse:
    """Press "Submit for review" in the editor."""
    data = edit_form_data(client, page)
    data["action-submit"] = "1"
    return client.post(edit_url(page), data)


def save_draft(client: Client, page: Page, **changes: str) -> HttpResponse:
    return client.post(edit_url(page), edit_form_data(client, page, **changes))


def current_task_state(page: Page) -> TaskState | None:
    page = Page.objects.get(pk=page.pk)
    state = page.current_workflow_state
    return state.current_task_state.specific if state and state.current_task_state else None


def workflow_action(
    client: Client, page: Page, action: str, comment: str = "", task_state: TaskState | None = None
) -> HttpResponse:
    """POST to Wagtail's workflow_action view, as the dashboard's and editor's buttons do."""
    task_state = task_state or current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def offered_actions(page: Page, user) -> list[str]:
    """Action names the current stage offers ``user`` (what the admin shows them)."""
    state = current_task_state(page)
    return [name for name, _label, _modal in state.task.specific.get_actions(page, user)]
