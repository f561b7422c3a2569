from django.urls import path

from . import views

urlpatterns = [
    path("certificates/<str:code>.json", views.verify_json, name="certificate_verify_json"),
    path("certificates/<str:code>/", views.verify, name="certificate_verify"),
    path("certificates/<str:code>/pdf/", views.download_pdf, name="certificate_pdf"),
    path(
        "certificates/<str:code>/credential.json",
        views.credential_json,
        name="certificate_credential",
    ),
    path(".well-known/did.json", views.did_json, name="did_document"),
    path(
        "credentials/status/<int:number>.json",
        views.status_list_json,
        name="credential_status_list",
    ),
    path("credentials/verify/", views.credential_verify_view, name="credential_verify"),
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
