import zoneinfo

from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers


class UserTimezoneMiddleware:
    """Show times in the signed-in person's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tz = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.time_zone:
            try:
                tz = zoneinfo.ZoneInfo(user.time_zone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                tz = None
        if tz is not None:
            timezone.activate(tz)
        else:
            timezone.deactivate()
        return self.get_response(request)


class PrivateCacheMiddleware:
    """`Cache-Control: private, no-store` on every response to a signed-in person.

    Whatever a signed-in person sees may be theirs alone (My learning, the profile, the
    facilitator workspace, certificate PDFs, CSV and ZIP exports with emails and access
    needs), so no shared cache keeps it and the browser does not store it on disk. A view
    that already chose private caching (the token calendar feed, `private, max-age=...`)
    keeps its choice; anything public it said is replaced.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if "private" not in response.get("Cache-Control", ""):
                if response.has_header("Cache-Control"):
                    del response["Cache-Control"]
                patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response
