"""The curriculum's pages in the language of the address (wired in academy/urls.py in
place of `include(wagtail.urls)`, inside i18n_patterns).

Wagtail's own serve view starts routing from `site.root_page.localized`, which looks the
active language's Locale up in the database on every request. This view starts from the
root page's translation in the active language too, but knows the locales from memory
(courses.models.routing.locale_language), so pages keep their query counts; then it hands
over to Wagtail's view (hooks, view restrictions, serve) with the route already found.
Routing itself, with the English fallback of untranslated pages, is in
courses/models/routing.py.
"""

from django.http import Http404
from django.urls import re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Site

from .models.routing import active_language, locale_id_for, locale_language


def root_in_active_language(site):
    """The site's root page in the active language (its live translation), else itself."""
    root = site.root_page
    language = active_language()
    if locale_language(root.locale_id) != language:
        locale_id = locale_id_for(language)
        translation = (
            root.specific_class.objects.live()
            .filter(translation_key=root.translation_key, locale_id=locale_id)
            .first()
            if locale_id is not None
            else None
        )
        if translation is not None:
            return translation
    return root.specific


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        site = Site.find_for_request(request)
        route = None
        if site is not None:
            try:
                components = [component for component in path.split("/") if component]
                route = root_in_active_language(site).route(request, components)
            except Http404:
                route = None
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


urlpatterns = [
    pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"
] + [re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve")]
