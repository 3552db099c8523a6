"""The storyteller's link: outside the language prefixes, so the page cache never serves it."""

from django.urls import path

from workflow.storyteller_views import storyteller_link

urlpatterns = [
    path("<str:token>/", storyteller_link, name="storyteller_link"),
]
