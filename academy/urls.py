from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from academy import views as academy_views

# Outside the language prefix: the health check, Wagtail's admin (each user's admin
# language is their own), documents, media, and the language switcher itself.
urlpatterns = [
    path("healthz", academy_views.healthz, name="healthz"),
    # The admin's login and password reset are the site's (allauth), before Wagtail's own.
    path("admin/login/", academy_views.admin_login, name="admin_login"),
    re_path(r"^admin/password_reset/", academy_views.admin_password_reset),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("language/", academy_views.set_language, name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The site in each language: English unprefixed, Spanish under /es/ (LANGUAGES).
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("me/profile/", academy_views.profile, name="profile"),
    path("", include("cohorts.urls")),
    path("", include("certificates.urls")),
    # Wagtail's pages, routed in the address's language with the English fallback of
    # untranslated pages (courses/i18n.py: Wagtail's URLs, its serve view wrapped).
    path("", include("courses.i18n")),
    prefix_default_language=False,
)
