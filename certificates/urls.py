from django.urls import path

from . import views

urlpatterns = [
    path("me/transcript/", views.transcript, name="transcript"),
    path("me/transcript.csv", views.transcript_csv, name="transcript_csv"),
    path("me/transcript.pdf", views.transcript_pdf, name="transcript_pdf"),
    path("me/transcript/link/reset/", views.transcript_link_reset_view,
         name="transcript_link_reset"),
    path("transcripts/<str:token>/", views.transcript_shared, name="transcript_shared"),
    path("reports/requirements/", views.ClerkReportView.as_view(), name="clerk_report"),
    path("reports/requirements.csv", views.ClerkReportView.as_view(), {"fmt": "csv"},
         name="clerk_report_csv"),
    path("reports/requirements.pdf", views.ClerkReportView.as_view(), {"fmt": "pdf"},
         name="clerk_report_pdf"),
    path("certificates/<str:code>.json", views.verify_json, name="certificate_verify_json"),
    path("certificates/<str:code>/", views.verify, name="certificate_verify"),
    path("C/<str:code>", views.verify_short, name="certificate_qr"),
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
