"""Certificate views: public verification (page and JSON), the PDF download, and the
facilitator's certificates page (issue, progress, ZIP, re-issue, revoke)."""

import io
import logging
import zipfile

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import RequestDataTooBig
from django.core.files.storage import default_storage
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from academy import ratelimit
from academy.background import enqueue_long
from academy.exports import csv_response
from academy.inputs import posted_id
from cohorts.models import Enrollment
from cohorts.progress import ROSTER_FIELDS, cohort_attendance
from cohorts.views.facilitate import FacilitatorCohortMixin
from cohorts.views.paging import paginate

from . import issuer
from .clerk import CSV_HEADER as CLERK_CSV_HEADER
from .clerk import bodies_in_scope, clerk_csv_rows, clerk_report
from .hours.requirements import load_requirements
from .models import Certificate, RenderStatus, StatusList, TranscriptLink, normalize_code
from .services import (
    ISSUABLE_STATUSES,
    MAX_REASON,
    MAX_REVOKE_REASON,
    CertificateError,
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
    credential_verify,
)
from .transcripts import (
    CSV_HEADER,
    transcript_csv_rows,
    transcript_link_for,
    transcript_link_reset,
    transcript_rows,
    transcript_share_url,
)

log = logging.getLogger(__name__)

# --- Public verification -------------------------------------------------------------


def _rate_limited(request) -> bool:
    """Page and JSON share one limit per client address (ACADEMY_RATE_LIMITS)."""
    return not ratelimit.consume("certificate_verify", request=request)


def _lookup(raw_code):
    code = normalize_code(raw_code)
    if code is None:
        return None
    return (
        Certificate.objects.select_related("enrollment", "status_list").filter(code=code).first()
    )


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
        "credential": (
            settings.SITE_URL + certificate.credential_url if certificate.credential else None
        ),
    }


def credential_summary(verification) -> str:
    """One plain sentence for a credential check (see credentials.verification)."""
    checks = {check.name: check for check in verification.checks}
    if verification.verified:
        return f"Signed by {settings.SITE_NAME}; signature valid; not revoked."
    if verification.revoked:
        return f"Signed by {settings.SITE_NAME}; signature valid; revoked."
    failed = verification.failed_check
    if checks.get("signature_valid") and checks["signature_valid"].passed is False:
        return "Not verified: the signature does not match, so it cannot be trusted."
    if failed is None:  # nothing could be checked (the academy's keys are unavailable)
        return f"Not checked: {verification.checks[0].message}"
    return f"Not verified: {failed.message}"


def _certificate_credential_check(certificate):
    """The stored credential checked server-side: signature and status (no queries)."""
    if not certificate.credential:
        return None
    lists = [certificate.status_list.credential] if certificate.status_list_id else []
    verification = credential_verify(certificate.credential, lists)
    return {"verification": verification, "summary": credential_summary(verification)}


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
        {"certificate": certificate, "facts": _public_facts(certificate), "owner": owner,
         "credential_check": _certificate_credential_check(certificate)},
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


def _public_json(data, *, max_age=None, status=200, **kwargs):
    response = JsonResponse(data, status=status, json_dumps_params={"indent": 2}, **kwargs)
    response["Access-Control-Allow-Origin"] = "*"
    if max_age is not None:
        patch_cache_control(response, public=True, max_age=max_age)
    return response


def credential_json(request, code):
    """The certificate's Open Badges 3.0 credential, as a file (public, like the page)."""
    if _rate_limited(request):
        return JsonResponse({"status": "rate_limited"}, status=429)
    certificate = _lookup(code)
    if certificate is None:
        return _public_json({"code": code, "status": "unknown"}, status=404)
    if not certificate.credential:
        return _public_json({"code": certificate.code, "status": "being prepared"}, status=404)
    response = _public_json(certificate.credential)
    response["Content-Disposition"] = (
        f'attachment; filename="credential-{certificate.code}.json"'
    )
    return response


def did_json(request):
    """The academy's did:web document: the current key, then the retired ones."""
    try:
        document = issuer.did_document()
    except issuer.SigningKeyError as exc:
        log.error("No DID document: %s", exc)
        return _public_json({"error": "The issuer's key is not available."}, status=503)
    return _public_json(document, max_age=settings.CREDENTIALS_STATUS_LIST_MAX_AGE)


def status_list_json(request, number):
    """A signed Bitstring Status List credential (revocation); cacheable briefly."""
    credential = (
        StatusList.objects.filter(number=number, credential__isnull=False)
        .values_list("credential", flat=True).first()
    )
    if credential is None:
        raise Http404
    return _public_json(credential, max_age=settings.CREDENTIALS_STATUS_LIST_MAX_AGE)


MAX_CREDENTIAL_CHARS = 64_000


class CredentialVerifyForm(forms.Form):
    credential = forms.CharField(
        label="Credential (JSON)",
        help_text="Paste the whole text of the credential file (credential-….json), "
        "from the first { to the last }.",
        widget=forms.Textarea(attrs={"rows": 10, "class": "font-monospace",
                                     "spellcheck": "false", "autocomplete": "off"}),
        max_length=MAX_CREDENTIAL_CHARS,
        error_messages={
            "required": "Paste the credential's JSON text.",
            "max_length": "This is longer than any credential the academy issues "
            f"(at most {MAX_CREDENTIAL_CHARS:,} characters): paste one credential.",
        },
    )


@csrf_exempt  # it changes nothing; exempt so an oversized post still gets the page
def credential_verify_view(request):
    """Anyone pastes a credential and gets the checks in plain English."""
    context = {"form": CredentialVerifyForm(), "result": None}
    if request.method == "POST":
        if _rate_limited(request):
            return render(request, "certificates/rate_limited.html", status=429)
        try:
            form = CredentialVerifyForm(request.POST)
            valid = form.is_valid()
        except RequestDataTooBig:
            form, valid = CredentialVerifyForm(), False
            context["error"] = ("This is far longer than any credential: paste one "
                                "credential's JSON text.")
        context["form"] = form
        if valid:
            verification = credential_verify(form.cleaned_data["credential"])
            context["result"] = {"verification": verification,
                                 "summary": credential_summary(verification)}
    return render(request, "certificates/credential_verify.html", context)


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


# --- Transcripts ---------------------------------------------------------------------


def _transcript_context(user, link):
    return {
        "name": user.printed_name,
        "rows": transcript_rows(user),
        "share_url": transcript_share_url(link),
        "generated_at": timezone.localtime(timezone=user.tzinfo),
    }


@login_required
def transcript(request):
    context = _transcript_context(request.user, transcript_link_for(request.user))
    return render(request, "certificates/transcript.html", context)


@login_required
def transcript_csv(request):
    rows = transcript_rows(request.user)
    return csv_response("transcript.csv", CSV_HEADER, transcript_csv_rows(rows))


@login_required
def transcript_pdf(request):
    from .rendering import ASSET_ORIGIN, STATIC_PREFIX, render_transcript_pdf  # WeasyPrint

    context = _transcript_context(request.user, transcript_link_for(request.user))
    context["logo_url"] = ASSET_ORIGIN + STATIC_PREFIX + "certificates/logo.jpg"
    response = HttpResponse(render_transcript_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="transcript.pdf"'
    return response


@login_required
@require_POST
def transcript_link_reset_view(request):
    transcript_link_reset(user=request.user)
    messages.success(request, "Your transcript has a new link; the old one no longer works.")
    return redirect("transcript")


def transcript_shared(request, token):
    if _rate_limited(request):
        return render(request, "certificates/rate_limited.html", status=429)
    link = TranscriptLink.objects.select_related("user").filter(token=token).first()
    if link is None:
        raise Http404
    context = _transcript_context(link.user, link) | {"shared": True}
    return render(request, "certificates/transcript.html", context)


# --- The clerk's export (staff and facilitators) -------------------------------------


class ClerkReportForm(forms.Form):
    state = forms.ChoiceField(label="State", required=False)
    body = forms.ModelChoiceField(
        label="Or one body", queryset=None, required=False, empty_label="Every body in the state"
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies_in_scope(actor)
        states = sorted(load_requirements())
        self.fields["state"].choices = [("", "Choose a state")] + [(s, s) for s in states]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("state") and not cleaned.get("body"):
            raise forms.ValidationError("Choose a state or a body.")
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
                from .rendering import (
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
