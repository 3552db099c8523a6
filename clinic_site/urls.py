from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from clinic_site import views
from private_media.views import private_document
from search import views as search_views
from translations.sitemap import sitemap
from workflow import deletion as page_deletion

handler404 = "clinic_site.views.page_not_found"
handler500 = "clinic_site.views.server_error"

# Outside the language prefix by convention: admin, health, robots, sitemap, documents.
urlpatterns = [
    path("health/", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    # Webmention endpoint (other sites' servers post here): one address for every language.
    path("webmention/", include("mentions.urls")),
    # In front of Wagtail's page delete view: a refused deletion is explained and logged.
    path("admin/pages/<int:page_id>/delete/", page_deletion.delete_page),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "private-documents/<int:document_id>/<str:document_filename>",
        private_document,
        name="private_document",
    ),
    # The storyteller's one-time approval link (no account; never cached, never indexed).
    path("storyteller/", include("workflow.storyteller_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under /en/ and /es/; "/" redirects to the reader's language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # Comment form endpoint and comment feeds: before Wagtail's catch-all page route.
    path("comments/", include("comments.urls")),
    # Policy version addresses (versions/2.0/) contain a dot, which Wagtail's pattern refuses.
    path("", include("policy.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
