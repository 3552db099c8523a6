"""Admin wiring of search: promoted results follow the review rule (``search.promotions``)."""

from __future__ import annotations

from django.urls import path
from wagtail import hooks

from search.promotions import (
    PROMOTION_REFUSED_ACTION,
    PromotionRefusedFormatter,
    ReviewedPromotionCreateView,
    ReviewedPromotionEditView,
)


@hooks.register("register_admin_urls", order=-100)
def reviewed_promotion_urls() -> list:
    """In front of Wagtail's promotion add and edit views (same addresses, same templates)."""
    return [
        path("searchpicks/add/", ReviewedPromotionCreateView.as_view()),
        path("searchpicks/<int:query_id>/", ReviewedPromotionEditView.as_view()),
    ]


@hooks.register("register_log_actions")
def register_promotion_log_actions(actions) -> None:
    actions.register_action(PROMOTION_REFUSED_ACTION)(PromotionRefusedFormatter)
