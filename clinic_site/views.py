"""Site-wide views that are not pages: health check, robots.txt, error pages."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)
# Connection refused, dropped or timed out: the database is away, not the code broken.
DATABASE_DOWN = (OperationalError, InterfaceError)


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """Answer 200 when the database answers a trivial query, 503 otherwise; no session touched."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unavailable")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Keep crawlers out of the admin and the endless search-result pages; name the sitemap."""
    lines = ["User-agent: *", f"Disallow: {reverse('wagtailadmin_home')}"]
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this inside its ``except`` block: a database that does not answer gets the
    # friendly 503 page instead (README "Operations", outage behaviour).
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return database_unavailable()
    # Rendered without a RequestContext-dependent database access so it works when things fail.
    return render(request, "500.html", status=500)


def database_unavailable() -> HttpResponse:
    """The 503 page, rendered without the request: no context processor may touch the database."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response
