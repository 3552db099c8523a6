"""The public edge: Content-Security-Policy, Permissions-Policy, client address, comment limits
and request logs (README "Security"). Imported at the end of ``base.py``.
"""

from __future__ import annotations

import os

from csp.constants import NONE, SELF, UNSAFE_INLINE

from .env import env_list

# Content-Security-Policy for every page (django-csp 4). Readers' pages run only our own
# scripts and styles (no inline code), embed only the two privacy-first video players, and
# may not be framed. Public media on S3 or a CDN: list its origin in CSP_MEDIA_ORIGINS.
_media_origins = env_list("CSP_MEDIA_ORIGINS")
if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
    _media_origins.append(f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *_media_origins],
        "media-src": [SELF, *_media_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# What the Wagtail admin (/admin/ only) needs on top of that, measured in Chromium (README
# "Content-Security-Policy and browser permissions"): see clinic_site/csp.py.
CSP_ADMIN_PREFIX = "/admin/"
CSP_ADMIN_REPLACE = {
    # Wagtail's form widgets (date, image and snippet choosers) start with an inline <script>
    # whose text differs per field, so no hash or nonce can cover it.
    "script-src-elem": [SELF, UNSAFE_INLINE],
    "script-src-attr": [NONE],
    # Jcrop (the image focal point) adds on* attributes; blocking them loses nothing.
    # Draftail (rich text) adds <style> elements for its placeholders and list numbering.
    "style-src-elem": [SELF, UNSAFE_INLINE],
    "style-src-attr": [NONE],
    # The live preview panel frames the admin's own preview view.
    "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "frame-ancestors": [SELF],
}

# Browser features no page of this site uses (django-permissions-policy).
PERMISSIONS_POLICY = {
    "browsing-topics": [],
    "camera": [],
    "geolocation": [],
    "interest-cohort": [],
    "microphone": [],
    "payment": [],
}

# Proxies in front of the site that append to X-Forwarded-For (0: none, the peer address is
# the client). Used by clinic_site.client.client_address for the comment limit and the lockout.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_PROXY_HEADER = "HTTP_" + os.environ.get(
    "TRUSTED_PROXY_HEADER", "X-Forwarded-For"
).upper().replace("-", "_")

# Readers' comments: at most COMMENTS_RATE_LIMIT accepted per client address in the window.
# Counted in the database, so every worker and every instance shares the same budget.
COMMENTS_RATE_LIMIT = int(os.environ.get("COMMENTS_RATE_LIMIT", "5"))
COMMENTS_RATE_WINDOW_SECONDS = int(os.environ.get("COMMENTS_RATE_WINDOW_SECONDS", "600"))

# The admin's "new Wagtail release" check fetches releases.wagtail.org from the editor's
# browser: an outside host that the policy above refuses anyway, so it is switched off.
WAGTAIL_ENABLE_UPDATE_CHECK = False
