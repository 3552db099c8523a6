"""Who may open an admin screen, checked one way everywhere: a permission.

Groups get permissions by data migration (administrators are superusers and hold every one), so
no view names a group. A refusal is an explicit 403 page that says what the screen is and who
looks after it, rather than Wagtail's silent redirect to the dashboard. Reports (policies due
for review, stories and videos due for clinical re-review, overdue reviews) use
:class:`PermissionRequiredReportMixin`, :class:`PermissionMenuItem` and :func:`report_urls`;
the moderation queues (comments, mentions) use :func:`refuse` through their permission policy.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.urls.resolvers import URLPattern
from wagtail.admin.menu import MenuItem


def refuse(
    request: HttpRequest, title: str, explanation: str, icon: str = "warning"
) -> HttpResponse:
    """A plain 403 page: the screen's name, why not, and the way back to the dashboard."""
    context = {"title": title, "explanation": explanation, "icon": icon}
    return TemplateResponse(request, "admin/refused.html", context, status=403)


def require_permission(
    permission: str, view: Callable, refusal: Callable[[HttpRequest], HttpResponse]
) -> Callable:
    """Wrap an admin view so users without ``permission`` get ``refusal(request)``."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(permission):
            return refusal(request)
        return view(request, *args, **kwargs)

    return guarded


class PermissionMenuItem(MenuItem):
    """A menu item shown to users who hold ``permission``."""

    def __init__(self, *args: Any, permission: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(self.permission)


class PermissionRequiredReportMixin:
    """For a Wagtail report view: ``report_permission`` or :func:`refuse` with ``refusal``."""

    report_permission: str
    refusal: str

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(self.report_permission):
            return refuse(request, self.page_title, self.refusal, self.header_icon)
        return super().dispatch(request, *args, **kwargs)


def report_urls(view_class: type, route: str, name: str) -> list[URLPattern]:
    """The report at ``route`` and its results-only twin (filtering), as Wagtail reports have."""
    return [
        path(route, view_class.as_view(), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]
