"""The impact report in the Wagtail admin: the page (staff: everything; partner authors:
the courses their organisation co-authors), its spreadsheets (Wagtail's export mixin), and
the annual PDF (request, then download: only by whoever asked for it)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from .charts import charts, headline_items, tables
from .forms import ImpactFilterForm
from .labels import state_name
from .models import ImpactReportPDF, ReportStatus
from .selectors import impact_report
from .services import (
    impact_pdf_request,
    impact_scope,
    report_title,
    suppresses_small_counts,
)

TABLES = ("headline", "states", "jurisdictions", "courses", "months")


def _report(request):
    scope = impact_scope(request.user)
    form = ImpactFilterForm(request.GET, scope_course_ids=scope)
    filters = form.filters()
    return form, filters, impact_report(filters), suppresses_small_counts(request.user)


def _query(request, **changes) -> str:
    params = request.GET.copy()
    params.pop("export", None)
    for key, value in changes.items():
        if value:
            params[key] = value
        else:
            params.pop(key, None)
    return params.urlencode()


def impact_view(request):
    form, filters, report, suppress = _report(request)

    def state_link(code):
        return reverse("impact_report") + "?" + _query(request, state=code)

    query = _query(request)
    pdfs = list(
        ImpactReportPDF.objects.filter(requested_by=request.user)
        .only("pk", "title", "status", "rendered_at", "requested_at", "requested_by_id")[:5]
    )
    context = {
        "page_title": _("Impact"),
        "header_icon": "table",
        "form": form,
        "title": report_title(filters),
        "state_name": state_name(filters.state),
        "all_states_url": reverse("impact_report") + "?" + _query(request, state=""),
        "suppress": suppress,
        "headline": headline_items(report, suppress=suppress),
        "tables": tables(report, suppress=suppress),
        "charts": charts(report, suppress=suppress, link=state_link),
        "exports": {
            key: reverse("impact_export", args=[key]) + "?" + query for key in TABLES
        },
        "pdf_request_url": reverse("impact_pdf_request") + ("?" + query if query else ""),
        "pdfs": pdfs,
        # Refresh while a PDF is on its way; one that never came (a worker died) stops it.
        "refresh": any(p.status == ReportStatus.PENDING and not p.stalled for p in pdfs),
    }
    return TemplateResponse(request, "reports/admin/impact.html", context)


class ImpactExportView(SpreadsheetExportMixin, View):
    """One table of the report as CSV or XLSX, through Wagtail's spreadsheet export."""

    def get(self, request, table):
        if table not in TABLES:
            raise Http404
        _form, filters, report, suppress = _report(request)
        shown = tables(report, suppress=suppress)[table]
        self.list_export = [key for key, _ in shown.columns]
        self.export_headings = dict(shown.columns)
        self.filename = f"impact-{table}-{filters.start}-{filters.end}"
        fmt = request.GET.get("export")
        if fmt not in self.FORMATS:
            fmt = self.FORMAT_CSV
        return self.as_spreadsheet(shown.rows, fmt)

    def get_filename(self):
        return self.filename

    def preprocess_field_value(self, field, value, export_format):
        # No formula runs in a spreadsheet from a cell that a title could start with "=".
        if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
            value = "'" + value
        return super().preprocess_field_value(field, value, export_format)


@require_POST
def impact_pdf_request_view(request):
    scope = impact_scope(request.user)
    form = ImpactFilterForm(request.GET, scope_course_ids=scope)
    back = reverse("impact_report") + ("?" + _query(request) if request.GET else "")
    if not form.is_valid():
        messages.error(request, _("Fix the filters first; no PDF was prepared."))
        return redirect(back)
    report = impact_pdf_request(actor=request.user, filters=form.filters())
    messages.success(
        request,
        _("“%(title)s” is being prepared. We will email it to you when ready.")
        % {"title": report.title},
    )
    return redirect(back)


def impact_pdf_download_view(request, pk):
    impact_scope(request.user)
    report = get_object_or_404(ImpactReportPDF, pk=pk, status=ReportStatus.DONE)
    if report.requested_by_id != request.user.pk:
        raise PermissionDenied
    if not report.pdf or not default_storage.exists(report.pdf.name):
        raise Http404
    response = FileResponse(
        default_storage.open(report.pdf.name, "rb"), content_type="application/pdf",
        as_attachment=True, filename=f"{report.title}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
