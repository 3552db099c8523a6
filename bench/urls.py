"""The site's URLs plus ``/bench/trivial/``: "ok" through the same middleware, no page."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from clinic_site.urls import handler404, handler500
from clinic_site.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial, name="bench_trivial"), *site_urlpatterns]
