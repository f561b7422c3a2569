"""Wagtail admin: "Impact" in the menu for staff and partner authors."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import (
    ImpactExportView,
    impact_pdf_download_view,
    impact_pdf_request_view,
    impact_view,
)


@hooks.register("register_admin_urls")
def register_impact_urls():
    return [
        path("impact/", impact_view, name="impact_report"),
        path("impact/export/<slug:table>/", ImpactExportView.as_view(), name="impact_export"),
        path("impact/pdf/", impact_pdf_request_view, name="impact_pdf_request"),
        path("impact/pdf/<int:pk>/", impact_pdf_download_view, name="impact_pdf_download"),
    ]


class ImpactMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_staff or user.is_partner_author


@hooks.register("register_admin_menu_item")
def register_impact_menu_item():
    return ImpactMenuItem(
        _("Impact"), reverse("impact_report"), name="impact", icon_name="table", order=250
    )
