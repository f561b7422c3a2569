from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from academy import views as academy_views

urlpatterns = [
    path("healthz", academy_views.healthz, name="healthz"),
    # The admin's login and password reset are the site's (allauth), before Wagtail's own.
    path("admin/login/", academy_views.admin_login, name="admin_login"),
    re_path(r"^admin/password_reset/", academy_views.admin_password_reset),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("me/profile/", academy_views.profile, name="profile"),
    path("", include("cohorts.urls")),
    path("", include("certificates.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
