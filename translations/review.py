"""Send a synced translation into the same review workflow as any page.

wagtail-localize's translation editor can only *publish* a translation, and its
``save_target(publish=False)`` writes the translated text straight into the page row, which for
a live page is what the public sees. Neither is acceptable here: what readers see must be what
both reviewers approved. So a translation is turned into a draft *revision* of the translated
page (the live row is left alone, as Wagtail's own editor does), and that revision is submitted
to the page's workflow; its final approval publishes it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Revision, WorkflowState
from wagtail_localize.models import Translation, TranslationLog

from workflow.guard import publication_blockers
from workflow.submission import not_submitted_message


class NotReadyForReview(Exception):
    """The translation's draft is saved, but the page's review blockers are not empty."""


class NoReviewWorkflow(Exception):
    """The translated page is in no section with a workflow, so it cannot be reviewed."""


@transaction.atomic
def save_translation_draft(translation: Translation, user: AbstractBaseUser | None) -> Revision:
    """A new draft revision of the translated page from the current translation memory.

    Untranslated segments fall back to the original language, as wagtail-localize's own
    preview does; the translation editor shows the translator which ones those are.
    """
    page = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    # As wagtail-localize's own save does: a translated slug is made valid and unique.
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.pk)
    if not page.live:
        # A page that was never published has no public text to protect; keeping its row in
        # step lets the admin listing show the translated title, as Wagtail's editor does.
        page.save(clean=False)
    revision = page.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(
        source=translation.source, locale=translation.target_locale, revision=revision
    )
    return revision


def submit_translation_for_review(
    translation: Translation, user: AbstractBaseUser | None
) -> WorkflowState:
    """Save the translation as a draft and start (or resume) the page's review workflow.

    As in the editor (``workflow.submission``), the review waits for the page's own checks:
    with review blockers left the draft stays saved and ``NotReadyForReview`` says what is
    missing.
    """
    page: Page = translation.get_target_instance()
    workflow = page.get_workflow()
    if workflow is None:
        raise NoReviewWorkflow(
            _("No review workflow covers “%(title)s”; ask an administrator to assign one.")
            % {"title": page.get_admin_display_title()}
        )
    save_translation_draft(translation, user)
    page = Page.objects.get(pk=page.pk).specific
    blockers = publication_blockers(page.get_latest_revision_as_object())
    if blockers:
        raise NotReadyForReview(not_submitted_message(blockers))
    return start_review(page, workflow, user)


@transaction.atomic
def start_review(page: Page, workflow: Any, user: AbstractBaseUser | None) -> WorkflowState:
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None:
        state = workflow.start(page, user)
    # A run already in progress stays where it is: approvals given to an earlier revision no
    # longer count (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT), so the new text is reviewed.
    return state
