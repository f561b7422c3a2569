"""The clerk's export (staff and facilitators): who has met each training requirement."""

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from academy.exports import csv_response

from ..clerk import CSV_HEADER as CLERK_CSV_HEADER
from ..clerk import bodies_in_scope, clerk_csv_rows, clerk_report
from ..hours.requirements import load_requirements


class ClerkReportForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False)
    body = forms.ModelChoiceField(
        label=_("Or one body"), queryset=None, required=False,
        empty_label=_("Every body in the state"),
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies_in_scope(actor)
        states = sorted(load_requirements())
        self.fields["state"].choices = [("", _("Choose a state"))] + [(s, s) for s in states]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("state") and not cleaned.get("body"):
            raise forms.ValidationError(_("Choose a state or a body."))
        return cleaned


class ClerkReportView(LoginRequiredMixin, View):
    """Per state or body: who has met each requirement and who is short (HTML, CSV, PDF)."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not (user.is_staff or user.is_facilitator):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, fmt="html"):
        form = ClerkReportForm(request.GET or None, actor=request.user)
        report = None
        if form.is_bound and form.is_valid():
            today = timezone.localdate(timezone=request.user.tzinfo)
            report = clerk_report(
                actor=request.user, today=today, state=form.cleaned_data["state"],
                body=form.cleaned_data["body"],
            )
            if fmt == "csv":
                return csv_response("training-requirements.csv", CLERK_CSV_HEADER,
                                    clerk_csv_rows(report))
            if fmt == "pdf":
                from ..rendering import (
                    ASSET_ORIGIN,
                    STATIC_PREFIX,
                    render_html_pdf,
                    transcript_stylesheet,  # WeasyPrint: web-safe here
                )

                html = render_to_string("certificates/pdf/clerk_report.html", {
                    "report": report, "today": today,
                    "generated_at": timezone.localtime(timezone=request.user.tzinfo),
                    "logo_url": ASSET_ORIGIN + STATIC_PREFIX + "certificates/logo.jpg",
                })
                pdf = render_html_pdf(html, stylesheets=[transcript_stylesheet()],
                                      one_page=False)
                response = HttpResponse(pdf, content_type="application/pdf")
                response["Content-Disposition"] = (
                    'attachment; filename="training-requirements.pdf"'
                )
                return response
        elif fmt != "html":
            return redirect("clerk_report")
        return render(request, "certificates/clerk_report.html", {
            "form": form, "report": report,
            "rows": report.rows[:200] if report else [],
            "query": request.GET.urlencode(),
        })
