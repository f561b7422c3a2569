"""Public certificate views: the verification page and JSON, the Open Badges credential, the
issuer's DID document, status lists, checking a pasted credential, and the PDF download
(its owner, the cohort's facilitators and staff)."""

import logging

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from academy import ratelimit
from academy.i18n import supported

from .. import issuer
from ..models import Certificate, RenderStatus, StatusList, normalize_code
from ..services import (
    certificate_pdf,
    credential_verify,
)

log = logging.getLogger(__name__)


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
        return _("Signed by %(issuer)s; signature valid; not revoked.") % {
            "issuer": settings.SITE_NAME}
    if verification.revoked:
        return _("Signed by %(issuer)s; signature valid; revoked.") % {
            "issuer": settings.SITE_NAME}
    failed = verification.failed_check
    if checks.get("signature_valid") and checks["signature_valid"].passed is False:
        return _("Not verified: the signature does not match, so it cannot be trusted.")
    if failed is None:  # nothing could be checked (the academy's keys are unavailable)
        return _("Not checked: %(reason)s") % {"reason": verification.checks[0].message}
    return _("Not verified: %(reason)s") % {"reason": failed.message}


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


def verify_short(request, code):
    """The address in a certificate's QR code (Certificate.qr_url): on to its
    verification page, under the code's usual form."""
    return HttpResponsePermanentRedirect(
        reverse("certificate_verify", args=[normalize_code(code) or code]))


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
        label=gettext_lazy("Credential (JSON)"),
        help_text=gettext_lazy("Paste the whole text of the credential file "
                               "(credential-….json), from the first { to the last }."),
        widget=forms.Textarea(attrs={"rows": 10, "class": "font-monospace",
                                     "spellcheck": "false", "autocomplete": "off"}),
        max_length=MAX_CREDENTIAL_CHARS,
        error_messages={
            "required": gettext_lazy("Paste the credential's JSON text."),
            "max_length": format_lazy(
                gettext_lazy("This is longer than any credential the academy issues (at most "
                             "{max} characters): paste one credential."),
                max=f"{MAX_CREDENTIAL_CHARS:,}"),
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
            context["error"] = _("This is far longer than any credential: paste one "
                                 "credential's JSON text.")
        context["form"] = form
        if valid:
            verification = credential_verify(form.cleaned_data["credential"])
            context["result"] = {"verification": verification,
                                 "summary": credential_summary(verification)}
    return render(request, "certificates/credential_verify.html", context)


# A certificate in its other language, rendered on demand, is kept this long (its key
# names the render it was made from, so a re-issue is never answered with the old one).
OTHER_LANGUAGE_PDF_SECONDS = 24 * 3600


def _pdf_in(certificate, language) -> bytes:
    """The certificate's PDF in `language` when that is not its own (not stored)."""
    key = (f"certificate-pdf:{certificate.pdf_token}:{language}:"
           f"{certificate.rendered_at.timestamp() if certificate.rendered_at else 0}")
    pdf = cache.get(key)
    if pdf is None:
        from ..rendering import render_certificate_pdf  # WeasyPrint, only when needed

        pdf = certificate_pdf(certificate, render_certificate_pdf, language)
        cache.set(key, pdf, OTHER_LANGUAGE_PDF_SECONDS)
    return pdf


def download_pdf(request, code):
    """The owner, the cohort's facilitators and staff; anonymous -> login; others 404.
    The stored PDF is in the certificate's language (the holder's at issue);
    `?lang=en|es` asks for a language, the other one rendered on demand."""
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
    as_attachment = request.GET.get("download") == "1"
    language = supported(request.GET.get("lang"))
    if language and language != certificate.language:
        response = HttpResponse(_pdf_in(certificate, language), content_type="application/pdf")
        filename = f"certificate-{certificate.code}-{language}.pdf"
        disposition = "attachment" if as_attachment else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
        return response
    return FileResponse(
        default_storage.open(certificate.pdf.name, "rb"),
        content_type="application/pdf",
        as_attachment=as_attachment,
        filename=f"certificate-{certificate.code}.pdf",
    )
