"""Certificate rules: issue (idempotent), re-issue, revoke, render.

One certificate per enrollment is guaranteed by the database (a one-to-one key);
issuing twice, retrying, or issuing from two tabs at once returns the same row.
Rendering is idempotent (same file name, overwritten) because delivery is at least once.
"""

import datetime as dt
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from cohorts.models import Enrollment, EnrollmentStatus
from cohorts.services import can_manage

from .models import Certificate, RenderStatus

log = logging.getLogger(__name__)

ISSUABLE_STATUSES = (EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED)


class CertificateError(Exception):
    """A rule was broken; the message is for people."""


def _progress(enrollment):
    from cohorts.progress import enrollment_progress

    return enrollment_progress(enrollment)


def _snapshot(enrollment) -> dict:
    """What the certificate certifies, as of now."""
    cohort = enrollment.cohort
    course = cohort.course
    sessions = list(cohort.sessions.order_by("starts_at").values_list("starts_at", "ends_at"))
    tz = cohort.tzinfo if hasattr(cohort, "tzinfo") else timezone.get_current_timezone()
    start = timezone.localtime(sessions[0][0], tz).date() if sessions else None
    end = timezone.localtime(sessions[-1][1], tz).date() if sessions else None
    return {
        "recipient_name": enrollment.user.printed_name,
        "course_title": course.title,
        "cohort_title": cohort.title,
        "start_date": start,
        "end_date": end,
        "hours": course.estimated_hours,
        "partner_names": [o.name for o in course.co_authors.all()],
    }


def _queue_render(certificate):
    from .tasks import certificate_render_task

    pk = certificate.pk
    transaction.on_commit(lambda: certificate_render_task.delay(pk))


def certificate_issue(*, enrollment: Enrollment, actor, override_reason: str = "") -> Certificate:
    """Issue the enrollment's certificate, or return the one it already has.

    Only the cohort's facilitators and staff may issue. The learner must be eligible
    (attendance and required modules) unless a written override reason is given.
    """
    override_reason = (override_reason or "").strip()
    with transaction.atomic():
        enrollment = (
            Enrollment.objects.select_for_update(of=("self",))
            .select_related("cohort__course", "user")
            .get(pk=enrollment.pk)
        )
        if not can_manage(actor, enrollment.cohort):
            raise CertificateError("Only the cohort's facilitators and staff issue certificates.")
        existing = Certificate.objects.filter(enrollment=enrollment).first()
        if existing is not None:
            return existing
        if enrollment.status not in ISSUABLE_STATUSES:
            raise CertificateError(
                f"{enrollment.user.display_name} is {enrollment.get_status_display().lower()}"
                " in this cohort, so no certificate can be issued."
            )
        if not override_reason and not _progress(enrollment).eligible:
            raise CertificateError(
                f"{enrollment.user.display_name} has not met the completion rule yet. "
                "To issue anyway, give a reason for the override."
            )
        now = timezone.now()
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    enrollment=enrollment,
                    issued_on=timezone.localdate(now),
                    issued_by=actor,
                    override_reason=override_reason,
                    render_requested_at=now,
                    **_snapshot(enrollment),
                )
        except IntegrityError:
            # Another request issued it between our check and insert (the unique key
            # on enrollment decides): return that one.
            return Certificate.objects.get(enrollment=enrollment)
        _queue_render(certificate)
        return certificate


def certificate_issue_for_cohort(*, cohort, actor) -> dict:
    """Issue to every eligible learner who has no certificate yet.

    Returns {"issued": [...], "skipped": n} for a message and the progress bar."""
    from cohorts.progress import roster_progress

    if not can_manage(actor, cohort):
        raise CertificateError("Only the cohort's facilitators and staff issue certificates.")
    enrollments = list(
        Enrollment.objects.filter(cohort=cohort, status__in=ISSUABLE_STATUSES)
        .filter(certificate__isnull=True)
        .select_related("user")
    )
    progress = roster_progress(cohort, enrollments)
    issued, skipped = [], 0
    for enrollment in enrollments:
        p = progress.get(enrollment.pk)
        if p is None or not p.eligible:
            skipped += 1
            continue
        issued.append(certificate_issue(enrollment=enrollment, actor=actor))
    return {"issued": issued, "skipped": skipped}


def certificate_reissue(*, certificate: Certificate, actor) -> Certificate:
    """Refresh the snapshot (e.g. after a name correction) and render a new PDF.
    The verification code stays the same."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrollment__cohort__course", "enrollment__user")
            .get(pk=certificate.pk)
        )
        if not can_manage(actor, certificate.enrollment.cohort):
            raise CertificateError("Only the cohort's facilitators and staff re-issue.")
        if certificate.is_revoked:
            raise CertificateError("This certificate was revoked; it cannot be re-issued.")
        for key, value in _snapshot(certificate.enrollment).items():
            setattr(certificate, key, value)
        certificate.render_status = RenderStatus.PENDING
        certificate.render_requested_at = timezone.now()
        certificate.emailed_at = None  # the learner gets the corrected PDF
        certificate.save()
        _queue_render(certificate)
        return certificate


def certificate_revoke(*, certificate: Certificate, actor, reason: str) -> Certificate:
    """Staff only. The verification page says so at once; the learner is told."""
    reason = (reason or "").strip()
    if not (getattr(actor, "is_authenticated", False) and actor.is_staff):
        raise CertificateError("Only academy staff revoke certificates.")
    if not reason:
        raise CertificateError("Please give the reason for revoking this certificate.")
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.is_revoked:
            raise CertificateError("This certificate is already revoked.")
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason
        certificate.revoked_by = actor
        certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by", "updated_at"])
        from .tasks import certificate_revoked_email_task

        pk = certificate.pk
        transaction.on_commit(lambda: certificate_revoked_email_task.delay(pk))
    return certificate


def certificate_pdf_name(certificate: Certificate) -> str:
    return f"certificates/{certificate.code}.pdf"


def certificate_data(certificate: Certificate, site=None):
    """The rendering input: the certificate's snapshot plus the academy's settings."""
    from wagtail.models import Site

    from .models import CertificateSettings
    from .rendering import CertificateData, settings_values

    site = site or Site.objects.filter(is_default_site=True).first()
    values = settings_values(CertificateSettings.for_site(site)) if site else {}
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
        **values,
    )


def certificate_render(*, certificate_id: int) -> bool:
    """Render the PDF and store it. Safe to run any number of times: the file name is
    fixed by the code and overwritten, the row is updated last. Returns True when the
    certificate has its PDF afterwards."""
    from .rendering import render_certificate_pdf

    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return False
    pdf = render_certificate_pdf(certificate_data(certificate))
    name = certificate_pdf_name(certificate)
    if default_storage.exists(name):
        default_storage.delete(name)
    stored = default_storage.save(name, ContentFile(pdf))
    Certificate.objects.filter(pk=certificate.pk).update(
        pdf=stored,
        render_status=RenderStatus.DONE,
        rendered_at=timezone.now(),
        render_error="",
    )
    return True


def certificates_needing_render(older_than: dt.timedelta):
    """Pending certificates whose render was asked for more than `older_than` ago."""
    cutoff = timezone.now() - older_than
    return Certificate.objects.filter(
        render_status__in=[RenderStatus.PENDING, RenderStatus.FAILED],
        render_requested_at__lt=cutoff,
        revoked_at__isnull=True,
    )
