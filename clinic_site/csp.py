"""Content-Security-Policy: the strict readers' policy everywhere, loosened on /admin/ only.

django-csp's documented extension point (``get_policy_parts``) applies ``CSP_ADMIN_REPLACE``
to responses under ``CSP_ADMIN_PREFIX`` that carry no per-view policy of their own.
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
        in_admin = request.path_info.startswith(settings.CSP_ADMIN_PREFIX)
        if in_admin and not report_only and parts.config is None and parts.replace is None:
            parts.replace = settings.CSP_ADMIN_REPLACE
        return parts
