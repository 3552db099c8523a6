"""Content-Security-Policy: the strict readers' policy everywhere, loosened on /admin/ only.

django-csp's documented extension point (``get_policy_parts``) applies ``CSP_ADMIN_REPLACE``
to responses under ``CSP_ADMIN_PREFIX`` and to editors' previews, unless a view set a policy
of its own. What the admin needs and why: README "Content-Security-Policy and browser
permissions" and the comments in settings/edge.py.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class ClinicCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # An editor's preview is rendered through a request of its own (Wagtail's
        # make_preview_request) for the page's public path, framed by the admin.
        in_admin = request.path_info.startswith(settings.CSP_ADMIN_PREFIX) or getattr(
            request, "is_preview", False
        )
        if in_admin and not report_only and parts.config is None and parts.replace is None:
            parts.replace = settings.CSP_ADMIN_REPLACE
        return parts
