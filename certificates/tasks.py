"""Background work for certificates: render the PDF, email it, sweep forgotten renders.

Delivery is at least once. The render task acknowledges late and is re-queued if
the worker dies under it (`acks_late` + `reject_on_worker_lost`), retries with
backoff, and is idempotent (certificates.services.certificate_render). A periodic
sweeper re-queues certificates still unrendered after ten minutes, whatever
happened to their message. Emails claim their row with an atomic UPDATE so a
duplicate delivery sends nothing twice.
"""

import logging
import time
from datetime import timedelta
from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Certificate, RenderStatus
from .services import certificate_render, certificates_needing_render

log = logging.getLogger(__name__)

SWEEP_AFTER = timedelta(minutes=10)
MAIL_ERRORS = (SMTPException, ConnectionError, TimeoutError)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    retry_backoff=5,
    retry_backoff_max=10 * 60,
    retry_jitter=True,
    max_retries=6,
)
def certificate_render_task(self, certificate_id: int):
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return "missing"
    Certificate.objects.filter(pk=certificate_id).update(render_attempts=F("render_attempts") + 1)
    delay = getattr(settings, "CERTIFICATE_RENDER_DELAY", 0)
    if delay:  # only the worker-kill test sets this, to have time to kill mid-batch
        time.sleep(delay)
    try:
        certificate_render(certificate_id=certificate_id)
    except Exception as exc:
        Certificate.objects.filter(pk=certificate_id).update(
            render_status=RenderStatus.FAILED
            if self.request.retries >= self.max_retries
            else RenderStatus.PENDING,
            render_error=f"{exc.__class__.__name__}: {exc}"[:2000],
        )
        raise
    certificate_issued_email_task.delay(certificate_id)
    return "rendered"


@shared_task
def certificate_sweep_task(older_than_seconds: int | None = None):
    """Re-queue certificates left unrendered (lost message, dead worker, failed run)."""
    age = SWEEP_AFTER if older_than_seconds is None else timedelta(seconds=older_than_seconds)
    ids = list(certificates_needing_render(age).values_list("pk", flat=True))
    if ids:
        Certificate.objects.filter(pk__in=ids).update(
            render_requested_at=timezone.now(), render_status=RenderStatus.PENDING
        )
    for pk in ids:
        certificate_render_task.delay(pk)
    if ids:
        log.info("Re-queued %d unrendered certificates", len(ids))
    return len(ids)


def _claim(pk, field):
    """Atomically mark an email as being sent; False when another run already did."""
    return bool(
        Certificate.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(
            **{field: timezone.now()}
        )
    )


def _send(certificate, *, template, subject, attach_pdf=False):
    user = certificate.enrollment.user
    context = {
        "certificate": certificate,
        "user": user,
        "site_url": settings.SITE_URL,
        "verify_url": certificate.verification_url,
        "pdf_url": settings.SITE_URL + certificate.pdf_url,
        "my_learning_url": settings.SITE_URL + reverse("my_learning"),
        "linkedin_url": certificate.linkedin_url,
    }
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=render_to_string(f"emails/{template}.txt", context),
        to=[user.email],
    )
    message.attach_alternative(render_to_string(f"emails/{template}.html", context), "text/html")
    if attach_pdf and certificate.pdf:
        with default_storage.open(certificate.pdf.name, "rb") as fh:
            message.attach(f"certificate-{certificate.code}.pdf", fh.read(), "application/pdf")
    message.send()


@shared_task(
    bind=True, autoretry_for=MAIL_ERRORS, retry_backoff=30, retry_jitter=True, max_retries=8
)
def certificate_issued_email_task(self, certificate_id: int):
    certificate = (
        Certificate.objects.select_related("enrollment__user")
        .filter(pk=certificate_id, revoked_at__isnull=True, render_status=RenderStatus.DONE)
        .first()
    )
    if certificate is None or not _claim(certificate_id, "emailed_at"):
        return "nothing to send"
    try:
        _send(
            certificate,
            template="certificate_issued",
            subject=f"Your certificate: {certificate.course_title}",
            attach_pdf=True,
        )
    except MAIL_ERRORS:
        Certificate.objects.filter(pk=certificate_id).update(emailed_at=None)  # retry may claim
        raise
    return "sent"


@shared_task(
    bind=True, autoretry_for=MAIL_ERRORS, retry_backoff=30, retry_jitter=True, max_retries=8
)
def certificate_revoked_email_task(self, certificate_id: int):
    certificate = (
        Certificate.objects.select_related("enrollment__user")
        .filter(pk=certificate_id, revoked_at__isnull=False)
        .first()
    )
    if certificate is None or not _claim(certificate_id, "revocation_emailed_at"):
        return "nothing to send"
    try:
        _send(
            certificate,
            template="certificate_revoked",
            subject=f"Your certificate for {certificate.course_title} was revoked",
        )
    except MAIL_ERRORS:
        Certificate.objects.filter(pk=certificate_id).update(revocation_emailed_at=None)
        raise
    return "sent"
