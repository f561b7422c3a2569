"""The facilitator's certificates page: issue (one, or everyone completed), progress, ZIP,
re-issue, revoke."""

import io
import zipfile

from django import forms
from django.contrib import messages
from django.core.files.storage import default_storage
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from academy.background import enqueue_long
from academy.inputs import posted_id
from cohorts.models import Enrollment, EnrollmentStatus
from cohorts.progress import ROSTER_FIELDS, enrollments_progress
from cohorts.views.facilitate import FacilitatorCohortMixin
from cohorts.views.paging import paginate

from ..models import Certificate, RenderStatus
from ..services import (
    ISSUABLE_STATUSES,
    MAX_REASON,
    MAX_REVOKE_REASON,
    CertificateError,
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
)
from .certificate_rows import certificate_rows

ISSUE_COMPLETED_TASK = "certificates.issue_completed"
CERTIFICATE_FIELDS = (
    "certificate__id", "certificate__code", "certificate__render_status",
    "certificate__revoked_at", "certificate__override_reason", "certificate__enrollment_id",
)


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the exception (recorded and shown to staff)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=MAX_REASON,
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"), widget=forms.Textarea(attrs={"rows": 2}),
        max_length=MAX_REVOKE_REASON,
    )


def _cohort_certificate_counts(cohort):
    return Certificate.objects.filter(enrollment__cohort=cohort).aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(render_status=RenderStatus.DONE)),
        failed=Count("pk", filter=Q(render_status=RenderStatus.FAILED)),
    )


class CohortCertificatesView(FacilitatorCohortMixin, TemplateView):
    template_name = "certificates/facilitate_certificates.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A page of people is loaded; the totals are counted by the database.
        people = Enrollment.objects.filter(cohort=self.cohort, status__in=ISSUABLE_STATUSES)
        page_obj, page_query = paginate(
            self.request,
            people.select_related("user", "certificate").only(*ROSTER_FIELDS,
                                                              *CERTIFICATE_FIELDS)
            .order_by("user__last_name", "user__first_name", "pk"),
        )
        for e in page_obj.object_list:
            e.cohort = self.cohort
        progress = enrollments_progress(page_obj.object_list)
        rows = [
            {"enrollment": e, "progress": progress.get(e.pk),
             "certificate": getattr(e, "certificate", None)}
            for e in page_obj.object_list
        ]
        counts = _cohort_certificate_counts(self.cohort)
        context.update(
            rows=rows, rows_html=certificate_rows(self.request, rows),
            page_obj=page_obj, page_query=page_query,
            total=page_obj.paginator.count, counts=counts,
            missing=people.filter(status=EnrollmentStatus.COMPLETED,
                                  certificate__isnull=True).count(),
            override_form=OverrideForm(),
            revoke_form=RevokeForm(),
            rendering=counts["total"] - counts["done"] - counts["failed"] > 0,
        )
        return context

    def _posted(self, model, field, **lookup):
        """The object a form names in this cohort; `enrollment=abc`, `certificate=1e5`, "²"
        or another cohort's id is a message (CertificateError), never a 500."""
        pk = posted_id(self.request.POST.get(field))
        found = model.objects.filter(pk=pk, **lookup).first() if pk is not None else None
        if found is None:
            raise CertificateError(
                gettext("We could not find that learner in this cohort; nothing was changed. "
                        "Reload the page and try again.")
                if model is Enrollment else
                gettext("We could not find that certificate in this cohort; nothing was "
                        "changed. Reload the page and try again."))
        return found

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "issue_missing":
                enqueue_long(ISSUE_COMPLETED_TASK, self.cohort.pk, request.user.pk)
                messages.success(request, gettext("Issuing the missing certificates; the PDFs "
                                                  "are being prepared."))
            elif action in ("issue_one", "override"):
                enrollment = self._posted(Enrollment, "enrollment", cohort=self.cohort)
                reason = ""
                if action == "override":
                    form = OverrideForm(request.POST)
                    if not form.is_valid():
                        raise CertificateError(
                            gettext("Please write the reason for the exception (at most "
                                    "%(max)s characters); nothing was issued.")
                            % {"max": MAX_REASON})
                    reason = form.cleaned_data["reason"]
                certificate_issue(enrollment=enrollment, actor=request.user, override_reason=reason)
                messages.success(request, gettext("Certificate issued to %(name)s.")
                                 % {"name": enrollment.user.display_name})
            elif action in ("reissue", "revoke"):
                certificate = self._posted(Certificate, "certificate",
                                           enrollment__cohort=self.cohort)
                if action == "reissue":
                    certificate_reissue(certificate=certificate, actor=request.user)
                    messages.success(request, gettext("The certificate is being rendered "
                                                      "again (same code)."))
                else:
                    form = RevokeForm(request.POST)
                    if not form.is_valid():
                        raise CertificateError(
                            gettext("Please write the reason for revoking (at most %(max)s "
                                    "characters); the certificate is not revoked.")
                            % {"max": MAX_REVOKE_REASON})
                    reason = form.cleaned_data["reason"]
                    certificate_revoke(certificate=certificate, actor=request.user, reason=reason)
                    messages.success(request,
                                     gettext("The certificate is revoked; the learner is told."))
            else:
                messages.error(request, gettext("Unknown action."))
        except CertificateError as exc:
            messages.error(request, str(exc))
        return redirect("facilitate_certificates", slug=self.cohort.slug)


class CohortCertificatesProgressView(FacilitatorCohortMixin, View):
    """The progress bar's partial, polled by htmx while PDFs render."""

    def get(self, request, *args, **kwargs):
        counts = _cohort_certificate_counts(self.cohort)
        return render(
            request,
            "certificates/includes/progress.html",
            {
                "cohort": self.cohort,
                "counts": counts,
                "rendering": counts["total"] - counts["done"] - counts["failed"] > 0,
            },
        )


class CohortCertificatesZipView(FacilitatorCohortMixin, View):
    """All the cohort's valid, rendered PDFs as one ZIP."""

    def get(self, request, *args, **kwargs):
        certificates = (
            Certificate.objects.valid()
            .filter(enrollment__cohort=self.cohort, render_status=RenderStatus.DONE)
            .exclude(pdf="")
            .order_by("recipient_name")
        )
        buffer = io.BytesIO()
        names = set()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for certificate in certificates:
                base = (
                    "".join(ch if ch.isalnum() else "-" for ch in certificate.recipient_name).strip(
                        "-"
                    )[:60]
                    or "certificate"
                )
                name = f"{base}-{certificate.code}.pdf"
                if name in names:
                    continue
                names.add(name)
                with default_storage.open(certificate.pdf.name, "rb") as fh:
                    archive.writestr(name, fh.read())
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        response["Content-Disposition"] = (
            f'attachment; filename="certificates-{self.cohort.slug}.zip"'
        )
        return response
