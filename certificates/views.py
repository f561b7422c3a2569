"""Certificate views: public verification (page and JSON), the PDF download, and the
facilitator's certificates page (issue, progress, ZIP, re-issue, revoke)."""

import io
import zipfile

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views import View
from django.views.generic import TemplateView

from academy import ratelimit
from academy.background import enqueue_long
from academy.inputs import posted_id
from cohorts.models import Enrollment
from cohorts.progress import ROSTER_FIELDS, cohort_attendance
from cohorts.views.facilitate import FacilitatorCohortMixin
from cohorts.views.paging import paginate

from .models import Certificate, RenderStatus, normalize_code
from .services import (
    ISSUABLE_STATUSES,
    MAX_REASON,
    MAX_REVOKE_REASON,
    CertificateError,
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
)

# --- Public verification -------------------------------------------------------------


def _rate_limited(request) -> bool:
    """Page and JSON share one limit per client address (ACADEMY_RATE_LIMITS)."""
    return not ratelimit.consume("certificate_verify", request=request)


def _lookup(raw_code):
    code = normalize_code(raw_code)
    if code is None:
        return None
    return Certificate.objects.select_related("enrollment").filter(code=code).first()


def _public_facts(certificate):
    """Only what a verifier needs: no email, jurisdiction or anything else personal."""
    return {
        "code": certificate.code,
        "status": certificate.state,
        "name": certificate.recipient_name,
        "course": certificate.course_title,
        "cohort": certificate.cohort_title,
        "issued_on": certificate.issued_on.isoformat(),
        "revoked_on": certificate.revoked_at.date().isoformat() if certificate.revoked_at else None,
        "issuer": "Progressive Governance Academy",
        "url": certificate.verification_url,
    }


def verify(request, code):
    if _rate_limited(request):
        return render(request, "certificates/rate_limited.html", status=429)
    certificate = _lookup(code)
    if certificate is None:
        return render(request, "certificates/verify.html", {"code": code}, status=404)
    owner = request.user.is_authenticated and certificate.enrollment.user_id == request.user.pk
    return render(
        request,
        "certificates/verify.html",
        {"certificate": certificate, "facts": _public_facts(certificate), "owner": owner},
    )


def verify_json(request, code):
    if _rate_limited(request):
        return JsonResponse({"status": "rate_limited"}, status=429)
    certificate = _lookup(code)
    if certificate is None:
        return JsonResponse({"code": code, "status": "unknown"}, status=404)
    response = JsonResponse(_public_facts(certificate))
    response["Access-Control-Allow-Origin"] = "*"
    return response


def download_pdf(request, code):
    """The owner, the cohort's facilitators and staff; anonymous -> login; others 404."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = _lookup(code)
    if certificate is None:
        raise Http404
    enrollment = certificate.enrollment
    if enrollment.user_id != request.user.pk and not enrollment.cohort.is_managed_by(request.user):
        raise Http404
    if not certificate.is_valid:
        return render(
            request, "certificates/not_downloadable.html", {"certificate": certificate}, status=410
        )
    if certificate.render_status != RenderStatus.DONE or not certificate.pdf:
        return render(
            request, "certificates/not_ready.html", {"certificate": certificate}, status=202
        )
    return FileResponse(
        default_storage.open(certificate.pdf.name, "rb"),
        content_type="application/pdf",
        as_attachment=request.GET.get("download") == "1",
        filename=f"certificate-{certificate.code}.pdf",
    )


ISSUE_COMPLETED_TASK = "certificates.issue_completed"
CERTIFICATE_FIELDS = (
    "certificate__id", "certificate__code", "certificate__render_status",
    "certificate__revoked_at", "certificate__override_reason", "certificate__enrollment_id",
)

# --- Facilitators and staff ----------------------------------------------------------


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label="Reason for the exception (recorded and shown to staff)",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=MAX_REASON,
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Reason for revoking", widget=forms.Textarea(attrs={"rows": 2}),
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
        enrollments = list(
            Enrollment.objects.filter(cohort=self.cohort, status__in=ISSUABLE_STATUSES)
            .select_related("user", "certificate").only(*ROSTER_FIELDS, *CERTIFICATE_FIELDS)
            .order_by("user__last_name", "user__first_name")
        )
        page_obj, page_query = paginate(self.request, enrollments)
        progress = cohort_attendance(self.cohort, page_obj.object_list).progress
        rows = [
            {"enrollment": e, "progress": progress.get(e.pk),
             "certificate": getattr(e, "certificate", None)}
            for e in page_obj.object_list
        ]
        counts = _cohort_certificate_counts(self.cohort)
        context.update(
            rows=rows, page_obj=page_obj, page_query=page_query, total=len(enrollments),
            counts=counts,
            missing=sum(
                1 for e in enrollments
                if getattr(e, "certificate", None) is None and e.status == "completed"
            ),
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
            what = "learner" if model is Enrollment else "certificate"
            raise CertificateError(f"We could not find that {what} in this cohort; "
                                   "nothing was changed. Reload the page and try again.")
        return found

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "issue_missing":
                enqueue_long(ISSUE_COMPLETED_TASK, self.cohort.pk, request.user.pk)
                messages.success(request, "Issuing the missing certificates; the PDFs are being "
                                 "prepared.")
            elif action in ("issue_one", "override"):
                enrollment = self._posted(Enrollment, "enrollment", cohort=self.cohort)
                reason = ""
                if action == "override":
                    form = OverrideForm(request.POST)
                    if not form.is_valid():
                        raise CertificateError("Please write the reason for the exception "
                                               f"(at most {MAX_REASON} characters); nothing "
                                               "was issued.")
                    reason = form.cleaned_data["reason"]
                certificate_issue(enrollment=enrollment, actor=request.user, override_reason=reason)
                messages.success(request, f"Certificate issued to {enrollment.user.display_name}.")
            elif action in ("reissue", "revoke"):
                certificate = self._posted(Certificate, "certificate",
                                           enrollment__cohort=self.cohort)
                if action == "reissue":
                    certificate_reissue(certificate=certificate, actor=request.user)
                    messages.success(request, "The certificate is being rendered again "
                                     "(same code).")
                else:
                    form = RevokeForm(request.POST)
                    if not form.is_valid():
                        raise CertificateError("Please write the reason for revoking (at most "
                                               f"{MAX_REVOKE_REASON} characters); the "
                                               "certificate is not revoked.")
                    reason = form.cleaned_data["reason"]
                    certificate_revoke(certificate=certificate, actor=request.user, reason=reason)
                    messages.success(request, "The certificate is revoked; the learner is told.")
            else:
                messages.error(request, "Unknown action.")
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
