"""``/sitemap.xml`` for every language, each page with its ``hreflang`` alternates.

Wagtail's own sitemap walks the site's root page only; translated home pages are its siblings,
so the Spanish tree would be missing. This one walks every language's root and attaches to each
page the live versions of it in the other languages, as search engines expect.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Any

from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, PageQuerySet

from translations.alternates import Alternate, page_alternates


class MultilingualSitemap(Sitemap):
    """Every live public page in every language, with alternates shared by its translations."""

    def live_pages(self) -> PageQuerySet:
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        in_a_language_tree = reduce(or_, (Q(path__startswith=r.path) for r in roots))
        return Page.objects.filter(in_a_language_tree).live().public().order_by("path")

    def items(self) -> PageQuerySet:
        return self.live_pages().defer_streamfields().specific()

    def alternates_by_translation_key(self) -> dict[Any, list[Alternate]]:
        """Group every listed page with its translations (one query, not one per page)."""
        if not hasattr(self, "_alternates"):
            groups: dict[Any, dict[str, Page]] = {}
            for page in self.live_pages().select_related("locale"):
                groups.setdefault(page.translation_key, {})[page.locale.language_code] = page
            self._alternates = {
                key: page_alternates(versions, self.request) for key, versions in groups.items()
            }
        return self._alternates

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict[str, Any]]:
        alternates = self.alternates_by_translation_key()
        urls = []
        for item in self.paginator.page(page).object_list:
            own_url = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                if url_info["location"] == own_url:
                    url_info["alternates"] = [
                        {"lang_code": a.hreflang, "location": a.url}
                        for a in alternates.get(item.translation_key, [])
                    ]
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request: HttpRequest) -> HttpResponse:
    """The sitemap view, replacing ``wagtail.contrib.sitemaps.views.sitemap``."""
    return sitemap_views.sitemap(request, {"pages": MultilingualSitemap(request)})
