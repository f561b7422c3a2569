"""Rate limits: one mechanism, one client address, one shared cache.

Every limit of the site runs on django-allauth's rate limiter, the one that already guards
login, sign-up and password reset (`ACCOUNT_RATE_LIMITS`): sliding windows kept in the
default Django cache (set `CACHE_URL` to Redis so every process shares them), rates written
as "amount/period/per" ("60/m/ip", "5/10m/user"). The academy's own limits (certificate
verification, wrong check-in codes) are named in `ACADEMY_RATE_LIMITS` and consumed here.

The client address of every limit, allauth's included (through the account adapter),
comes from `client_ip`: X-Forwarded-For is believed only as far as `TRUSTED_PROXY_COUNT`
proxies in front of the site say, never from a client.
"""

from __future__ import annotations

import ipaddress

from allauth.core.internal import ratelimit as _allauth_ratelimit
from django.conf import settings
from django.http import HttpRequest

APP = "academy"


def _clean_ip(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The address a request came from, for rate limits and logs.

    With `TRUSTED_PROXY_COUNT` = 0 (the default) X-Forwarded-For is ignored: anyone can
    send one. With N trusted proxies, each appends the address it received the request
    from, so the client is the Nth entry from the right; a request carrying fewer entries
    did not come through all the proxies, and its own peer address is used.
    """
    remote = _clean_ip(request.META.get("REMOTE_ADDR")) or "0.0.0.0"
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    hops = [hop for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    return _clean_ip(hops[-proxies]) or remote


def _rates() -> dict[str, str]:
    return settings.ACADEMY_RATE_LIMITS


def consume(action: str, *, request: HttpRequest | None = None, user=None) -> bool:
    """Count one hit of `action`; False when the limit is reached (nothing is counted
    then). Per-address rates need the request, per-person rates the user."""
    usage = _allauth_ratelimit.consume(
        request, app=APP, action=action, config=_rates(), user=user, limit_get=True
    )
    return usage is not None


def exhausted(action: str, *, request: HttpRequest | None = None, user=None) -> bool:
    """True when the next hit of `action` would be refused (counts nothing)."""
    usage = _allauth_ratelimit.consume(
        request, app=APP, action=action, config=_rates(), user=user, limit_get=True,
        dry_run=True,
    )
    return usage is None
