"""Advertise the Webmention endpoint on story pages with an HTTP ``Link`` header (W3C
discovery); the page's <head> carries the matching <link rel="webmention">."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page

from mentions.models import page_accepts_webmentions


class WebmentionLinkMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_template_response(
        self, request: HttpRequest, response: TemplateResponse
    ) -> TemplateResponse:
        page = (response.context_data or {}).get("page")
        if not isinstance(page, Page) or not page.pk or getattr(request, "is_preview", False):
            return response
        if page_accepts_webmentions(page):
            link = f'<{request.build_absolute_uri(reverse("mentions:receive"))}>; rel="webmention"'
            existing = response.get("Link")
            response["Link"] = f"{existing}, {link}" if existing else link
        return response
