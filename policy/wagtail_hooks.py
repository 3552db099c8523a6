"""Admin wiring: the 'Policies due for review' report and its menu item."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import REPORT_PERMISSION, PoliciesDueForReviewView


class PolicyReviewMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_policy_review_report_urls():
    return [
        path(
            "reports/policies-due-for-review/",
            PoliciesDueForReviewView.as_view(),
            name="policy_review_report",
        ),
        path(
            "reports/policies-due-for-review/results/",
            PoliciesDueForReviewView.as_view(results_only=True),
            name="policy_review_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_policy_review_report_menu_item():
    return PolicyReviewMenuItem(
        _("Policies due for review"),
        reverse("policy_review_report"),
        name="policies-due-for-review",
        icon_name="time",
        order=650,
    )
