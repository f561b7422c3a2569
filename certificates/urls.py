from django.urls import path

from . import views

urlpatterns = [
    path("certificates/<str:code>.json", views.verify_json, name="certificate_verify_json"),
    path("certificates/<str:code>/", views.verify, name="certificate_verify"),
    path("certificates/<str:code>/pdf/", views.download_pdf, name="certificate_pdf"),
    path(
        "facilitate/<slug:slug>/certificates/",
        views.CohortCertificatesView.as_view(),
        name="facilitate_certificates",
    ),
    path(
        "facilitate/<slug:slug>/certificates/progress/",
        views.CohortCertificatesProgressView.as_view(),
        name="facilitate_certificates_progress",
    ),
    path(
        "facilitate/<slug:slug>/certificates.zip",
        views.CohortCertificatesZipView.as_view(),
        name="facilitate_certificates_zip",
    ),
]
