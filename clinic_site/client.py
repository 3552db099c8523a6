"""The reader's address, as far as this site can trust it: one function for every limiter.

Each proxy in front of the site appends the address it received from to ``X-Forwarded-For``.
With ``TRUSTED_PROXY_COUNT = n`` (your own proxies, load balancers, CDN), the client is the
n-th address from the right: everything to its left was written by the client and proves
nothing. With 0 (the default, no proxy), the header is ignored and the peer address is used.
The comment rate limit and django-axes (login lockout) both key on ``client_address``.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return ""


def client_address(request: HttpRequest) -> str:
    """The client's IP address, skipping exactly ``TRUSTED_PROXY_COUNT`` proxies."""
    peer = _valid(request.META.get("REMOTE_ADDR", ""))
    trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if trusted <= 0:
        return peer
    header = getattr(settings, "TRUSTED_PROXY_HEADER", "HTTP_X_FORWARDED_FOR")
    hops = [hop.strip() for hop in request.META.get(header, "").split(",") if hop.strip()]
    if not hops:
        return peer
    # Fewer hops than proxies: the request skipped some proxy; the leftmost is the best we have.
    return _valid(hops[-trusted] if len(hops) >= trusted else hops[0]) or peer
