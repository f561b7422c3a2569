"""The one home for which language a person sees.

- A URL carries its language: English unprefixed, Spanish under /es/ (academy/urls.py),
  so links and search engines see each version; LocaleMiddleware activates it.
- A person's choice is kept: for an official in their profile (`User.preferred_language`),
  for a visitor in the language cookie. The header's switcher (`set_language`) saves both.
- `PreferredLanguageMiddleware` sends a browser that asks for a page at its English URL
  to the same page in the language the person chose, so the choice holds when they follow
  an English link (an email of the past, a bookmark).
- Emails, reminders and PDFs made in the background use `for_recipient(user)`: the
  recipient's language and time zone, whoever or whatever causes them.
"""

from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme

LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)
# Paths outside the language prefix (academy/urls.py): never redirected.
UNPREFIXED = ("/healthz", "/admin/", "/documents/", "/language/", "/static/", "/media/")


def supported(code) -> str | None:
    """`code` when the site has that language, else None."""
    return code if code in LANGUAGE_CODES else None


def language_of(user) -> str:
    """The language to write to `user` in: their preference, else the site's default."""
    return supported(getattr(user, "preferred_language", None)) or settings.LANGUAGE_CODE


@contextmanager
def for_recipient(user):
    """Render for `user`: their language and their time zone (emails, PDFs, tasks)."""
    zone = getattr(user, "time_zone", None) or settings.TIME_ZONE
    with translation.override(language_of(user)), timezone.override(zone):
        yield


def chosen_language(request) -> str | None:
    """The language the person chose: a signed-in person's profile, else the cookie."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return supported(user.preferred_language)
    return supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))


def adopt_chosen_language(sender, request, user, **kwargs):
    """At login, a language picked with the switcher on this device (the cookie) becomes
    the official's preferred language: someone who chose Español before logging in gets
    their emails and certificates in Spanish too. The latest explicit choice wins."""
    chosen = supported(getattr(request, "COOKIES", {}).get(settings.LANGUAGE_COOKIE_NAME))
    if chosen and chosen != getattr(user, "preferred_language", chosen):
        user.preferred_language = chosen
        user.save(update_fields=["preferred_language"])


def cookie_mismatch(request) -> bool:
    """A visitor whose cookie asks for another language than the URL's (the public page
    cache must not answer them: PreferredLanguageMiddleware sends them on)."""
    wanted = supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    return wanted is not None and wanted != path_language(request.path_info)


def path_language(path: str) -> str:
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def redirectable(request) -> bool:
    """A browser navigating to a page (not a feed, a form post or a machine's request)."""
    return (
        request.method in ("GET", "HEAD")
        and "text/html" in request.headers.get("Accept", "")
        and not request.headers.get("HX-Request")
        and not request.path_info.startswith(UNPREFIXED)
    )


class PreferredLanguageMiddleware:
    """A browser asking for a page at its default-language URL gets the page in the
    language the person chose (see the module doc). Only the unprefixed (English) URLs are
    redirected: /es/... always means Spanish, so a shared Spanish link stays Spanish."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if redirectable(request) and translation.get_language_from_path(request.path_info) is None:
            wanted = chosen_language(request)
            if wanted and wanted != settings.LANGUAGE_CODE:
                target = page_in(request.get_full_path(), wanted)
                if target != request.get_full_path():
                    response = HttpResponseRedirect(target)
                    response["Vary"] = "Cookie"
                    return response
        return self.get_response(request)


def page_in(path: str, language: str) -> str:
    """The same page, `path`, at its URL in `language` (itself when it has none)."""
    with translation.override(path_language(urlsplit(path).path)):
        return translate_url(path, language)


def switch_language(request, language: str, next_url: str):
    """The switcher's work: remember `language` (profile and cookie) and answer with a
    redirect to `next_url` in that language. Unknown languages and foreign URLs are
    refused by the caller's form; here `next_url` is checked again."""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    response = HttpResponseRedirect(page_in(next_url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language,
        max_age=settings.LANGUAGE_COOKIE_AGE, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=request.is_secure(), httponly=True,
    )
    return response
