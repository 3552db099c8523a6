"""Building policy pages for the policy tests: a section page, a policy, published versions."""

from __future__ import annotations

import datetime
import uuid

from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from policy.models import PolicyIndexPage, PolicyPage

START = datetime.date(2023, 1, 1)


def section(heading: str, *paragraphs: str) -> dict:
    """A section block as raw stream data, with block ids as the Wagtail editor would give them."""
    html = "".join(f"<p>{text}</p>" for text in paragraphs)
    content = [{"type": "text", "value": html, "id": str(uuid.uuid4())}]
    return {
        "type": "section",
        "value": {"heading": heading, "content": content},
        "id": str(uuid.uuid4()),
    }


DEFAULT_BODY = [
    section(
        "Patient privacy",
        "Never share patient information without written consent. Ask Communications first.",
    ),
    section("Security", "Use a strong password."),
]


def policy_index(home: Page) -> PolicyIndexPage:
    index = home.add_child(instance=PolicyIndexPage(title="Policies", slug="policy"))
    index.save_revision().publish()
    return index


def make_policy(index: PolicyIndexPage, **fields) -> PolicyPage:
    """A saved, never-published policy (version 1.0 unless told otherwise)."""
    values = {
        "title": "Social media policy",
        "slug": "social-media",
        "summary": "How staff take part online safely.",
        "body": DEFAULT_BODY,
        "version": "1.0",
        "effective_date": START,
        "summary_of_changes": "First published version.",
        "approved_by": "Chief Executive",
        "live": False,
    }
    values.update(fields)
    return index.add_child(instance=PolicyPage(**values))


def publish_version(
    policy: PolicyPage,
    version: str,
    effective: datetime.date,
    summary: str = "",
    body: list | None = None,
    **fields,
) -> Revision:
    """Save and publish a new version through Wagtail's revisions, as the workflow would."""
    policy = PolicyPage.objects.get(pk=policy.pk)
    policy.version = version
    policy.effective_date = effective
    policy.next_review_date = fields.pop("next_review_date", None)
    policy.summary_of_changes = summary or f"Changes in {version}."
    if body is not None:
        policy.body = body
    for name, value in fields.items():
        setattr(policy, name, value)
    revision = policy.save_revision()
    revision.publish()
    return revision


def published_policy(home: Page) -> PolicyPage:
    """The default policy in a new policy index, published once (1.0, 1 January 2024)."""
    page = make_policy(policy_index(home))
    publish_version(page, "1.0", datetime.date(2024, 1, 1))
    page.refresh_from_db()
    return page


def save_draft(policy: PolicyPage, version: str, **fields) -> Revision:
    policy = PolicyPage.objects.get(pk=policy.pk)
    policy.version = version
    policy.summary_of_changes = fields.pop("summary_of_changes", f"Draft {version}.")
    for name, value in fields.items():
        setattr(policy, name, value)
    return policy.save_revision()


def edit_data(**overrides) -> dict:
    """What the Wagtail editor posts for a policy, with the given fields changed."""
    fields = {
        "title": "Social media policy",
        "slug": "social-media",
        "summary": "How staff take part online safely.",
        "version": "1.2",
        "effective_date": "2024-09-01",
        "next_review_date": "",
        "summary_of_changes": "Clarified who to call out of hours.",
        "policy_owner": "Communications",
        "approved_by": "Chief Executive",
        "body": streamfield(
            [
                (
                    "section",
                    {
                        "heading": "Patient privacy",
                        "content": streamfield(
                            [("text", rich_text("<p>Never share patient information.</p>"))]
                        ),
                    },
                )
            ]
        ),
        "comments": inline_formset([]),
    }
    fields.update(overrides)
    return nested_form_data(fields)
