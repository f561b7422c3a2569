"""Wagtail admin: certificates (list, inspect, revoke) and a staff-only preview of the
certificate with the current settings."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from academy.viewsets import AcademyModelViewSet

from .certificate_data import certificate_data_sample, settings_values
from .models import Certificate, CertificateSettings
from .services import CertificateError, certificate_reissue, certificate_revoke


def certificate_preview(request):
    """A sample certificate rendered with this site's saved settings, shown inline."""
    if not request.user.is_staff:
        raise PermissionDenied
    # Imported here: WeasyPrint is loaded only by the processes that render.
    from .rendering import render_certificate_pdf

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
        _("Certificate preview"),
        reverse("certificate_preview"),
        name="certificate-preview",
        icon_name="doc-full",
        order=10000,
        attrs={"target": "_blank", "rel": "noopener"},
    )


# --- Certificates in the admin: list, inspect, issue (through the cohort page), revoke ---


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates change only through the rules (certificates.services): staff list,
    inspect and revoke them here; issuing happens per cohort (link in the listing)."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete", "change"):
            return False
        return user.is_active and user.is_staff


register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000
    )


def certificate_revoke_view(request, pk):
    """Staff revoke a certificate with a reason (the same service the site uses)."""
    if not request.user.is_staff:
        raise PermissionDenied
    certificate = get_object_or_404(Certificate.objects.select_related("enrollment"), pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            certificate_revoke(
                certificate=certificate, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except CertificateError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, gettext("Certificate %(code)s is revoked.") % {"code": certificate.code}
            )
            return redirect("certificates_certificate:index")
    return TemplateResponse(
        request,
        "certificates/admin_revoke.html",
        {"certificate": certificate, "form": form, "page_title": gettext("Revoke certificate")},
    )


def certificate_reissue_view(request, pk):
    """Staff render a certificate again from fresh facts (same code), after a name fix."""
    if not request.user.is_staff:
        raise PermissionDenied
    certificate = get_object_or_404(Certificate.objects.select_related("enrollment"), pk=pk)
    if request.method == "POST":
        try:
            certificate_reissue(certificate=certificate, actor=request.user)
        except CertificateError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                gettext("Certificate %(code)s is being rendered again; the learner is emailed "
                        "the new PDF.") % {"code": certificate.code},
            )
        return redirect("certificates_certificate:inspect", certificate.pk)
    return TemplateResponse(
        request, "certificates/admin_reissue.html",
        {"certificate": certificate, "page_title": gettext("Re-issue certificate")},
    )


class CertificateViewSet(AcademyModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_name = "certificates"  # not from the label: the same in every language
    menu_order = 230
    add_to_admin_menu = True
    list_display = [
        "recipient_name",
        "course_title",
        "cohort_title",
        "code",
        "issued_on",
        "render_status",
        "revoked_at",
    ]
    list_filter = ["render_status", "issued_on"]
    search_fields = ["recipient_name", "code", "course_title"]
    ordering = ["-issued_on"]
    form_fields = ["override_reason"]
    inspect_view_fields = [
        "code",
        "recipient_name",
        "course_title",
        "cohort_title",
        "start_date",
        "end_date",
        "hours",
        "partner_names",
        "language",
        "issued_on",
        "issued_by",
        "override_reason",
        "render_status",
        "rendered_at",
        "revoked_at",
        "revoked_reason",
        "revoked_by",
    ]

    def get_queryset(self, request):
        return Certificate.objects.select_related("enrollment__cohort")

    object_actions = [
        path("<int:pk>/revoke/", certificate_revoke_view, name="revoke"),
        path("<int:pk>/reissue/", certificate_reissue_view, name="reissue"),
    ]

    def object_links(self, certificate):
        if certificate.is_revoked:
            return []
        return [
            (gettext("Re-issue…"),
             reverse("certificates_certificate:reissue", args=[certificate.pk]), "rotate"),
            (gettext("Revoke…"),
             reverse("certificates_certificate:revoke", args=[certificate.pk]), "cross"),
        ]


hooks.register(
    "register_admin_viewset",
    lambda: CertificateViewSet("certificates_certificate", url_prefix="certificates/certificate"),
)
