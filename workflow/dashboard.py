"""Dashboard quick actions: "New story" and "New video" one click from the admin's home page.

Creating a story used to take four clicks (Pages → site → Stories → add child). The panel links
straight to Wagtail's add view under the story (or video) index of the person's own language,
and only for the page types they may add there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

# The page types an author starts most days, in the order the panel offers them.
QUICK_ACTION_MODELS = ("blog.StoryPage", "blog.VideoPage")


@dataclass(frozen=True)
class QuickAction:
    label: str
    url: str
    parent_title: str


def user_locale(user: AbstractBaseUser) -> Locale:
    """The locale of the person's admin language, else the site's default."""
    language = UserProfile.get_for_user(user).get_preferred_language()
    return Locale.objects.filter(language_code=language).first() or Locale.get_default()


def quick_actions(user: AbstractBaseUser) -> list[QuickAction]:
    """One "New …" action per page type the user may add under its index in their locale."""
    locale = user_locale(user)
    actions = []
    for label in QUICK_ACTION_MODELS:
        model = apps.get_model(label)
        parent_models = model.allowed_parent_page_models()
        parent = (
            Page.objects.type(*parent_models).filter(locale=locale).order_by("path").first()
            if parent_models
            else None
        )
        if parent is None:
            continue
        parent = parent.specific
        if not model.can_create_at(parent):
            continue
        if not parent.permissions_for_user(user).can_add_subpage():
            continue
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
        actions.append(
            QuickAction(
                label=_("New %(page_type)s") % {"page_type": model._meta.verbose_name},
                url=url,
                parent_title=parent.title,
            )
        )
    return actions


class QuickActionsPanel(Component):
    name = "quick_actions"
    template_name = "workflow/dashboard/quick_actions.html"
    order = 50  # first: above "Awaiting your review"

    def __init__(self, actions: list[QuickAction]) -> None:
        self.actions = actions

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        return {"actions": self.actions}


@hooks.register("construct_homepage_panels")
def add_quick_actions(request: HttpRequest, panels: list) -> None:
    actions = quick_actions(request.user)
    if actions:
        panels.append(QuickActionsPanel(actions))
