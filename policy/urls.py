"""Let Wagtail serve policy version addresses such as /en/policy/social-media/versions/2.0/.

Wagtail's own page pattern accepts only letters, digits, '-' and '_' in each path segment, so a
version number's dot would never reach the page's routes. This pattern hands exactly those
addresses (a ``versions/<major.minor>/`` tail, optionally ``changes/``) to Wagtail's page view;
which page answers, and whether that version exists, is still decided by the page itself.
"""

from django.urls import re_path
from wagtail import views as wagtail_views

urlpatterns = [
    re_path(
        r"^((?:[\w\-]+/)+versions/\d{1,4}\.\d{1,4}/(?:changes/)?)$",
        wagtail_views.serve,
        name="policy_version",
    ),
]
