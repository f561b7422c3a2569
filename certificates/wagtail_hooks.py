"""Wagtail admin: a staff-only preview of the certificate with the current settings."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import CertificateSettings


def certificate_preview(request):
    """A sample certificate rendered with this site's saved settings, shown inline."""
    if not request.user.is_staff:
        raise PermissionDenied
    # Imported here: WeasyPrint is only loaded by the processes that render.
    from .rendering import certificate_data_sample, render_certificate_pdf, settings_values

    cert_settings = CertificateSettings.for_request(request)
    pdf = render_certificate_pdf(certificate_data_sample(**settings_values(cert_settings)))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="certificate-preview.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@hooks.register("register_admin_urls")
def register_certificate_preview_url():
    return [path("certificate-preview/", certificate_preview, name="certificate_preview")]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_staff


@hooks.register("register_settings_menu_item")
def register_certificate_preview_menu_item():
    return StaffMenuItem(
        "Certificate preview",
        reverse("certificate_preview"),
        icon_name="doc-full",
        order=10000,
        attrs={"target": "_blank", "rel": "noopener"},
    )
