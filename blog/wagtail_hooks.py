"""Topics in the admin: a snippet Communications (and administrators) create, edit and translate.

Authors hold no permission on the model, so the menu and every topic view are closed to them;
they choose topics on the page form. Wagtail's snippet views log every change.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.views.submit_translations import SubmitSnippetTranslationView

from blog.models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


register_snippet(TopicViewSet)


def submit_topic_translation(request: HttpRequest, pk: str) -> HttpResponse:
    """wagtail-localize lets anyone who may translate pages create a snippet's translation;
    a topic's translation is a new topic, so only those who may add topics get this far."""
    if not request.user.has_perm("blog.add_topic"):
        raise PermissionDenied
    return SubmitSnippetTranslationView.as_view()(
        request, app_label="blog", model_name="topic", pk=pk
    )


@hooks.register("register_admin_urls", order=-100)
def guard_topic_translation_url() -> list:
    """In front of wagtail-localize's URL of the same path."""
    return [path("localize/submit/snippet/blog/topic/<str:pk>/", submit_topic_translation)]
