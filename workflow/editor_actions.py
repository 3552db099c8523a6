"""A review action taken from the page editor records that action and nothing else.

The editor's action menu ("Approve", "Request changes") posts the whole edit form with the
action, and Wagtail first saves a new revision whenever the form reports a change. Text written
outside the editor (the demo seed, imports, translations) always reports one on its first trip
through the rich-text editor, which adds ``data-block-key`` bookkeeping attributes: a reviewer
who only requested changes got a "Draft saved" entry under their name, the review restarted
(``workflow.runs``), a "submitted" email went to the stage's group and the administrators, and
only then came the rejection. So when the posted content equals the latest revision's,
bookkeeping aside, the action is performed on its own; real edits still go through Wagtail's
edit view (saved, review restarted, then the action, which the rules may refuse).
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from workflow.rules import APPROVE
from workflow.submission import approval_message

# What Draftail adds to every block of rich text, quoted plainly or inside JSON.
EDITOR_BOOKKEEPING = re.compile(r'\s+data-block-key=\\*"[^"\\]*\\*"')


def without_bookkeeping(value: Any) -> Any:
    """``value`` with the rich-text editor's block keys removed from every string in it."""
    if isinstance(value, str):
        return EDITOR_BOOKKEEPING.sub("", value)
    if isinstance(value, dict):
        return {key: without_bookkeeping(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [without_bookkeeping(item) for item in value]
    return value


def posted_content_unchanged(request: HttpRequest, real_page: Page) -> bool:
    """True when the edit form, as posted, holds the latest revision's content.

    The form is validated against a fresh copy of the latest revision, exactly as Wagtail's
    edit view will if this returns False (an invalid form also returns False).
    """
    baseline = real_page.get_latest_revision_as_object()
    candidate = real_page.get_latest_revision_as_object()
    form_class = real_page.specific_class.get_edit_handler().get_form_class()
    form = form_class(
        request.POST,
        request.FILES,
        instance=candidate,
        parent_page=real_page.get_parent(),
        for_user=request.user,
    )
    if not form.is_valid():
        return False
    edited = form.save(commit=False)
    return without_bookkeeping(edited.serializable_data()) == without_bookkeeping(
        baseline.serializable_data()
    )


def extra_action_data(request: HttpRequest) -> dict[str, Any]:
    """The action's modal form data (the reviewer's comment), as the editor posts it."""
    try:
        data = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def perform_review_action_without_edit(request: HttpRequest, page: Page) -> HttpResponse | None:
    """``before_edit_page``: an editor review action on unchanged content, without a revision.

    Returns None (Wagtail's edit view carries on) for anything else: a plain save, an action
    not offered to this user, a locked page, an invalid form or content that really changed.
    """
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    match = request.resolver_match
    if match is None or match.view_name != "wagtailadmin_pages:edit" or page.alias_of_id:
        return None
    real_page = Page.objects.get(pk=page.pk).specific
    task_state = real_page.current_workflow_task_state
    if task_state is None:
        return None
    task = task_state.task.specific
    action = request.POST.get("workflow-action-name")
    labels = {name: label for name, label, _modal in task.get_actions(real_page, request.user)}
    lock = real_page.get_lock()
    if action not in labels or (lock is not None and lock.for_user(request.user)):
        return None
    if not posted_content_unchanged(request, real_page):
        return None
    try:
        task.on_action(task_state, request.user, action, **extra_action_data(request))
    except PermissionDenied as refusal:
        messages.error(request, str(refusal))
        return redirect("wagtailadmin_pages:edit", real_page.pk)
    if action == APPROVE:
        messages.success(request, approval_message(real_page))
    else:
        messages.success(
            request,
            _("“%(title)s”: “%(action)s” recorded at “%(task)s”.")
            % {
                "title": real_page.get_admin_display_title(),
                "action": labels[action],
                "task": task,
            },
        )
    next_url = get_valid_next_url_from_request(request)
    if next_url:
        return redirect(next_url)
    return redirect("wagtailadmin_explore", real_page.get_parent().pk)
