"""Admin wiring: the 'Policies due for review' report and its menu item."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from clinic_site.admin_access import PermissionMenuItem, report_urls

from .views import REPORT_PERMISSION, PoliciesDueForReviewView


@hooks.register("register_admin_urls")
def register_policy_review_report_urls():
    return report_urls(
        PoliciesDueForReviewView, "reports/policies-due-for-review/", "policy_review_report"
    )


@hooks.register("register_reports_menu_item")
def register_policy_review_report_menu_item():
    return PermissionMenuItem(
        _("Policies due for review"),
        reverse("policy_review_report"),
        name="policies-due-for-review",
        icon_name="time",
        order=650,
        permission=REPORT_PERMISSION,
    )
