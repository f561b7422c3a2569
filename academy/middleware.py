import zoneinfo

from django.contrib import messages
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from .accounts import (
    ADMIN_NEXT_SESSION_KEY,
    LANDING_PAGES,
    has_admin_access,
    landing_page,
    needs_authenticator,
)
from .i18n import language_of


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


class AdminGateMiddleware:
    """The Wagtail admin's door. Anonymous visitors are sent by Wagtail to the site's login
    (WAGTAILADMIN_LOGIN_URL); a signed-in person without admin access gets a page saying
    so (never a login loop); staff and anyone with admin access set up two-factor
    authentication before the admin opens (academy.accounts.needs_authenticator)."""

    OPEN = ("login/", "logout/", "password_reset/")  # answered by academy.views

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix = reverse("wagtailadmin_home")
        if request.path.startswith(prefix) and request.user.is_authenticated:
            if not request.path[len(prefix):].startswith(self.OPEN):
                response = self.gate(request)
                if response is not None:
                    return response
        return self.get_response(request)

    def gate(self, request):
        """The admin's URLs carry no language: the gate answers in the person's own."""
        with translation.override(language_of(request.user)):
            return self._gate(request)

    def _gate(self, request):
        user = request.user
        if not has_admin_access(user):
            page = landing_page(user)
            context = {"landing_url": reverse(page), "landing_name": LANDING_PAGES[page]}
            return render(request, "academy/no_admin_access.html", context, status=403)
        if needs_authenticator(user):
            if request.method == "GET" and not request.headers.get("x-requested-with"):
                request.session[ADMIN_NEXT_SESSION_KEY] = request.get_full_path()
            messages.info(
                request,
                _(
                    "The admin needs two-factor authentication. Set up an authenticator app "
                    "on your phone to continue; you will be asked for its code when you log in."
                ),
            )
            return redirect("mfa_activate_totp")
        if ADMIN_NEXT_SESSION_KEY in request.session:
            del request.session[ADMIN_NEXT_SESSION_KEY]
        return None


class NulCharacterMiddleware:
    """NUL characters never reach the database (PostgreSQL refuses them in text, and the
    request would end in a server error): an address with one names nothing (404), and
    a query string's are dropped (`?q=tenant%00` searches for "tenant")."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404("No page has this address.")
        if "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
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
