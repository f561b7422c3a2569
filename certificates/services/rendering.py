"""Rendering certificates: the PDF's input (snapshot plus the academy's settings), the
render task's work (sign, draw, store, email once) and the sweeper's list.

Rendering is idempotent (same random file name, overwritten) because delivery is at least
once; a revoked certificate's PDF is deleted. The learner's email is written to the
outbox in the transaction that stores the PDF.
"""

import datetime as dt

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from academy.public_cache import remembered

from ..certificate_data import CertificateData, settings_values
from ..models import Certificate, CertificateSettings, RenderStatus
from .base import _delete_pdf, _email_learner
from .credentials import (
    _credential_prepare,
    _credential_prepare_many,
    certificate_credential_build,
)


def certificate_pdf_name(certificate: Certificate) -> str:
    """Where the PDF is stored: a random name, unrelated to the public code, the same for
    every render of the certificate (a re-render overwrites it)."""
    return f"certificates/{certificate.pdf_token}.pdf"


def _settings_values(site=None) -> dict:
    """The academy's certificate settings as rendering input. The default site's are kept
    with the public pages (`remembered`): saving the settings or an image forgets them."""
    if site is not None:
        return settings_values(CertificateSettings.for_site(site))
    return remembered("certificate-settings", "default-site", _default_site_values)


def _default_site_values() -> dict:
    site = Site.objects.filter(is_default_site=True).first()
    return settings_values(CertificateSettings.for_site(site)) if site else {}


def certificate_data(certificate: Certificate, site=None) -> CertificateData:
    """The rendering input: the certificate's snapshot plus the academy's settings."""
    values = _settings_values(site)
    return CertificateData(
        recipient_name=certificate.recipient_name,
        course_title=certificate.course_title,
        cohort_title=certificate.cohort_title,
        start_date=certificate.start_date,
        end_date=certificate.end_date,
        hours=certificate.hours,
        partner_names=list(certificate.partner_names or []),
        issued_on=certificate.issued_on,
        verification_code=certificate.code,
        verification_url=certificate.verification_url,
        qr_url=certificate.qr_url,
        **values,
    )


def certificate_pdf(certificate: Certificate, render, language: str | None = None) -> bytes:
    """The certificate's PDF, `render(CertificateData) -> bytes`, in `language` (default:
    the certificate's own, the holder's at issue: the stored one). Its verification URL
    and QR code are the same in every language."""
    language = language or certificate.language or settings.LANGUAGE_CODE
    with translation.override(language):
        return render(certificate_data(certificate))


def certificate_render(*, certificate_id: int, render) -> bool:
    """Sign the Open Badges credential, render the PDF with `render(CertificateData) ->
    bytes` and store it, then, in one transaction, store the credential, mark it ready and
    queue the learner's email (once per issue or re-issue).

    Safe to run any number of times: the file name is fixed by the certificate's PDF token
    and overwritten, and the row is updated last. A revoked certificate gets no PDF; one
    re-issued during the render is left to the re-issue's render. Returns True when this
    render stored the certificate's PDF.
    """
    certificate = _credential_prepare(certificate_id)
    if certificate is None:
        return False
    return _render_prepared(certificate, render)


def certificate_render_many(*, certificate_ids: list[int], render) -> dict[int, Exception]:
    """`certificate_render` for several certificates in turn (a cohort's, a batch to a
    message), read in one query (which raises if the database does). One failing leaves
    the others alone: returns what each failed one raised, by id."""
    failures: dict[int, Exception] = {}
    for pk, certificate in _credential_prepare_many(certificate_ids).items():
        if certificate is None:
            continue
        try:
            _render_prepared(certificate, render)
        except Exception as exc:  # noqa: BLE001 - kept for this certificate's retry
            failures[pk] = exc
    return failures


def _render_prepared(certificate: Certificate, render) -> bool:
    certificate_id = certificate.pk
    credential = certificate_credential_build(certificate)
    pdf = certificate_pdf(certificate, render)  # in the holder's language, not the worker's
    name = certificate_pdf_name(certificate)
    _delete_pdf(name)
    stored = default_storage.save(name, ContentFile(pdf))
    with transaction.atomic():
        current = (
            Certificate.objects.select_for_update().filter(pk=certificate_id).order_by()
            .values_list("revoked_at", "emailed_at", "render_requested_at").first()
        )
        if current is None or current[0] is not None:  # revoked while this render ran
            transaction.on_commit(lambda: _delete_pdf(stored), robust=True)
            return False
        _revoked_at, emailed_at, requested_at = current
        if requested_at != certificate.render_requested_at:
            # Re-issued while this render ran: the re-issue's own render stores its PDF
            # (the same file) and emails the corrected certificate.
            return False
        now = timezone.now()
        changes = {"pdf": stored, "render_status": RenderStatus.DONE, "rendered_at": now,
                   "render_error": "", "credential": credential, "credential_signed_at": now,
                   "updated_at": now}
        if emailed_at is None:
            changes["emailed_at"] = now
        for field, value in changes.items():
            setattr(certificate, field, value)
        if emailed_at is None:
            _email_learner(
                certificate, kind="certificate.issued", template="certificate_issued",
                subject=format_lazy(gettext_lazy("Your certificate: {course}"),
                                    course=certificate.course_title),
                attachments=[{"name": stored, "filename": f"certificate-{certificate.code}.pdf",
                              "mimetype": "application/pdf"}],
            )
        Certificate.objects.filter(pk=certificate_id).update(**changes)
    return True


def certificate_render_failed(*, certificate_id: int, error: str, attempts_left: bool) -> None:
    """Keep the error; once no attempt is left the certificate shows as failed."""
    Certificate.objects.filter(pk=certificate_id, render_status=RenderStatus.PENDING).update(
        render_status=RenderStatus.PENDING if attempts_left else RenderStatus.FAILED,
        render_error=error[:2000],
    )


def certificates_to_sweep(older_than: dt.timedelta) -> list[int]:
    """Pending renders asked for more than `older_than` ago (a lost message or a dead
    worker); those out of attempts are marked failed instead, for staff to see."""
    cutoff = timezone.now() - older_than
    stale = Certificate.objects.filter(
        render_status=RenderStatus.PENDING, render_requested_at__lt=cutoff,
        revoked_at__isnull=True,
    )
    limit = settings.CERTIFICATE_MAX_RENDER_ATTEMPTS
    stale.filter(render_attempts__gte=limit).update(
        render_status=RenderStatus.FAILED,
        render_error=Concat(Value(f"Gave up after {limit} attempts. "), F("render_error")),
    )
    ids = list(stale.filter(render_attempts__lt=limit).values_list("pk", flat=True))
    Certificate.objects.filter(pk__in=ids).update(render_requested_at=timezone.now())
    return ids
