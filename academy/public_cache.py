"""Public pages served from the shared cache to anonymous visitors.

The home, catalog, course, module and cohort pages (and a cohort's .ics) look the same to
every visitor who is not signed in, so a finished response is kept in the shared cache
(Redis in production) and served before sessions, authentication or Wagtail's routing run.

- Only GET/HEAD requests for those paths, from visitors without a session or messages
  cookie (a signed-in person, or one with a message to read, always gets a fresh page).
- Only 200 responses that set no cookie and are not marked private are kept.
- Any change that can show on those pages (a page published, unpublished, moved or
  deleted; a cohort, a session or an enrollment saved) calls `public_pages_changed()`,
  which moves every key to a new generation once the transaction commits: the next visitor
  sees the change at once. Entries also expire after PUBLIC_CACHE_SECONDS, which bounds
  what time alone changes (an enrollment window closing).
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

from .i18n import cookie_mismatch

GENERATION_KEY = "public-pages:generation"
PUBLIC_PATHS = re.compile(r"^/(es/)?(catalog/.*|cohorts/[\w-]+/(calendar\.ics)?)?$")
PRIVATE_COOKIES = ("sessionid", "messages")
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Vary")


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def public_pages_changed() -> None:
    """Forget every cached public page once the current transaction commits."""

    def bump():
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # not there yet (or evicted): start a generation no key uses
            cache.set(GENERATION_KEY, 2, timeout=None)

    transaction.on_commit(bump)


def _key(kind: str, what: str) -> str:
    """A key of the current generation. Hashed: a long query string would make a key over
    memcached's 250 characters."""
    return f"public-pages:{_generation()}:{kind}{hashlib.sha256(what.encode()).hexdigest()}"


def _page_key(request) -> str:
    return _key("", f"{request.get_host()}:{request.get_full_path()}")


def remembered(name: str, parts, compute):
    """`compute()`, kept in the shared cache with the public pages (same generation, same
    lifetime): for what only published content decides, such as which pages match a
    catalog search, and a signed-in visitor's page can reuse."""
    key = _key(f"{name}:", repr(parts))
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PUBLIC_CACHE_SECONDS)
    return value


def cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and PUBLIC_PATHS.match(request.path) is not None
        and not any(name in request.COOKIES for name in PRIVATE_COOKIES)
        and not request.headers.get("HX-Request")
        # A visitor who chose another language is sent on to it (academy/i18n.py).
        and not cookie_mismatch(request)
    )


def cacheable_response(response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not getattr(response, "streaming", False)
        and "private" not in control
        and "no-store" not in control
    )


class PublicPageCacheMiddleware:
    """Serve anonymous visitors' public pages from the shared cache (see the module doc).
    Sits right after WhiteNoise, before sessions: a hit costs one cache read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = _page_key(request)
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            response = HttpResponse(content if request.method == "GET" else b"")
            for name, value in headers:
                response[name] = value
            response["X-Public-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and cacheable_response(response):
            headers = [(h, response[h]) for h in KEPT_HEADERS if response.has_header(h)]
            cache.set(key, (response.content, headers), settings.PUBLIC_CACHE_SECONDS)
            response["X-Public-Cache"] = "miss"
        return response
