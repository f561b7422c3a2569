"""Certificates: issue (idempotent), re-issue, revoke (rendering: .rendering).

One certificate per enrollment is guaranteed by the database (a one-to-one key);
issuing twice, retrying, or issuing from two tabs at once returns the same row.
The render is queued by name (academy.background), and the learner's emails are written
to the outbox in the transaction that makes the change (a revocation; a finished render).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from academy.background import enqueue
from academy.i18n import language_of
from cohorts.models import Enrollment, EnrollmentStatus
from cohorts.progress import enrollments_progress
from cohorts.services import enrollment_complete_by_exception

from ..models import Certificate, RenderStatus
from ..selectors import activity_span, attended_hours
from .base import RENDER_TASK, CertificateError, _delete_pdf, _email_learner, renders_queue
from .credentials import (
    _status_bit_set,
    credential_facts,
    status_bits_at_issue,
)

# A certificate is for a Completed enrollment; these only by a written exception.
EXCEPTION_STATUSES = (EnrollmentStatus.ENROLLED, EnrollmentStatus.NOT_COMPLETED)
ISSUABLE_STATUSES = (EnrollmentStatus.COMPLETED, *EXCEPTION_STATUSES)
MAX_REASON = 2000
MAX_REVOKE_REASON = 1000


def _snapshot(enrollment, *, hours=None, shared=None, progress=...) -> dict:
    """What the certificate certifies, as of now, and the facts its credential states.
    `hours`, `progress` (the enrollment's LearnerProgress) and `shared` (the cohort's
    part, from `_cohort_snapshot`) when the caller has them for a whole batch."""
    if shared is None or enrollment.cohort.self_paced:
        shared = _cohort_snapshot(enrollment)
    return {
        "recipient_name": enrollment.user.printed_name,
        "language": language_of(enrollment.user),  # the stored PDF's and the credential's
        **{key: value for key, value in shared.items() if key != "span"},
        "hours": attended_hours([enrollment])[enrollment.pk] if hours is None else hours,
        **credential_facts(enrollment, progress=progress, span=shared["span"]),
    }


def _cohort_snapshot(enrollment) -> dict:
    """The part of the snapshot every learner of a live cohort shares (and its span)."""
    cohort = enrollment.cohort
    course = cohort.course
    tz = cohort.tzinfo
    span = activity_span(enrollment)
    return {
        "course_title": course.title,
        "cohort_title": cohort.title,
        "start_date": timezone.localtime(span[0][0], tz).date() if span else None,
        "end_date": timezone.localtime(span[-1][1], tz).date() if span else None,
        "partner_names": [o.name for o in course.co_authors.all()],
        "span": span,
    }


def _issue(*, enrollment_id, actor, override_reason="", system=False) -> Certificate:
    """Issue one certificate (or return the one the enrollment has). Completed learners get
    theirs; anyone else only by a facilitator's written exception, which is recorded."""
    override_reason = (override_reason or "").strip()
    if len(override_reason) > MAX_REASON:  # refused, never cut short without a word
        raise CertificateError(
            _("Please keep the reason for the exception to %(max)s characters (it has "
              "%(length)s).") % {"max": MAX_REASON, "length": len(override_reason)})
    with transaction.atomic():
        enrollment = (
            Enrollment.objects.select_for_update(of=("self",))
            .select_related("cohort__course", "user")
            .get(pk=enrollment_id)
        )
        if not system and not enrollment.cohort.is_managed_by(actor):
            raise CertificateError(
                _("Only the cohort's facilitators and staff issue certificates."))
        existing = Certificate.objects.filter(enrollment=enrollment).first()
        if existing is not None:
            return existing
        name = enrollment.user.display_name
        if enrollment.status in EXCEPTION_STATUSES:
            if not override_reason:
                raise CertificateError(
                    _("%(name)s has no result yet: certificates are issued when the cohort "
                      "is closed. To issue one now, as an exception, write the reason.")
                    % {"name": name}
                    if enrollment.status == EnrollmentStatus.ENROLLED else
                    _("%(name)s did not complete this cohort. To issue a certificate anyway, "
                      "as an exception, write the reason.") % {"name": name}
                )
            if enrollment.status == EnrollmentStatus.NOT_COMPLETED:
                enrollment_complete_by_exception(enrollment=enrollment, actor=actor,
                                                 reason=override_reason)
        elif enrollment.status != EnrollmentStatus.COMPLETED:
            raise CertificateError(
                _("%(name)s is %(status)s in this cohort, so no certificate can be issued.")
                % {"name": name, "status": enrollment.get_status_display().lower()}
            )
        now = timezone.now()
        try:
            with transaction.atomic():
                [(status_list, index)] = status_bits_at_issue(1)
                certificate = Certificate.objects.create(
                    enrollment=enrollment,
                    issued_on=timezone.localdate(now),
                    issued_by=actor,
                    override_reason=override_reason,
                    render_requested_at=now,
                    status_list=status_list,
                    status_list_index=index,
                    **_snapshot(enrollment),
                )
        except IntegrityError:
            # Another request issued it between our check and insert (the unique key
            # on enrollment decides): return that one.
            return Certificate.objects.get(enrollment=enrollment)
        enqueue(RENDER_TASK, certificate.pk)
        return certificate


def certificate_issue(*, enrollment: Enrollment, actor, override_reason: str = "") -> Certificate:
    """Issue the enrollment's certificate, or return the one it already has.

    Only the cohort's facilitators and staff may issue. A certificate is for a Completed
    enrollment; before the cohort is closed (or for a learner not completed) only one
    learner at a time, with a written reason that is recorded and shown to staff.
    """
    return _issue(enrollment_id=enrollment.pk, actor=actor, override_reason=override_reason)


ISSUE_BATCH = 50


def certificate_issue_completed(*, cohort_id: int, actor=None) -> list[Certificate]:
    """After a cohort is closed: a certificate for every Completed learner without one.

    The same rule as `_issue` (Completed, one certificate per enrollment), a batch at a
    time: the batch's enrollments are locked, the cohort's part of the snapshot and the
    hours are read once, the certificates inserted together and their renders queued when
    the batch commits (a 400-learner cohort in about a dozen queries a batch, not a dozen
    a learner). Returns the certificates it issued."""
    issued = []
    while True:
        with transaction.atomic():
            batch = list(
                Enrollment.objects.select_for_update(of=("self",))
                .select_related("cohort__course", "user")
                .filter(cohort_id=cohort_id, status=EnrollmentStatus.COMPLETED,
                        certificate__isnull=True)
                .order_by("pk")[:ISSUE_BATCH]
            )
            if not batch:
                return issued
            shared = _cohort_snapshot(batch[0])
            hours = attended_hours(batch)
            progress = enrollments_progress(batch)
            now = timezone.now()
            try:
                with transaction.atomic():
                    bits = status_bits_at_issue(len(batch))
                    certificates = Certificate.objects.bulk_create([
                        Certificate(
                            enrollment=enrollment,
                            issued_on=timezone.localdate(now),
                            issued_by=actor,
                            render_requested_at=now,
                            status_list=status_list,
                            status_list_index=index,
                            **_snapshot(enrollment, hours=hours[enrollment.pk],
                                        shared=shared,
                                        progress=progress.get(enrollment.pk)),
                        )
                        for enrollment, (status_list, index) in zip(batch, bits, strict=True)
                    ])
            except IntegrityError:
                # A facilitator issued one of them meanwhile: one at a time (each returns
                # the certificate the enrollment has, or issues it and queues its render).
                issued.extend(_issue(enrollment_id=e.pk, actor=actor, system=True)
                              for e in batch)
                continue
            renders_queue(certificate.pk for certificate in certificates)
            issued.extend(certificates)


def certificate_issue_self_paced(*, enrollment_id: int) -> Certificate | None:
    """A learner completed a self-paced course: their certificate, issued by the academy."""
    enrollment = Enrollment.objects.filter(
        pk=enrollment_id, cohort__self_paced=True, status=EnrollmentStatus.COMPLETED
    ).first()
    if enrollment is None:
        return None
    return _issue(enrollment_id=enrollment.pk, actor=None, system=True)


def certificate_reissue(*, certificate: Certificate, actor) -> Certificate:
    """Refresh the snapshot (e.g. after a name correction) and render a new PDF; the
    learner is emailed the corrected one. The verification code stays the same."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrollment__cohort__course", "enrollment__user")
            .get(pk=certificate.pk)
        )
        if not certificate.enrollment.cohort.is_managed_by(actor):
            raise CertificateError(_("Only the cohort's facilitators and staff re-issue."))
        if certificate.is_revoked:
            raise CertificateError(_("This certificate was revoked; it cannot be re-issued."))
        for key, value in _snapshot(certificate.enrollment).items():
            setattr(certificate, key, value)
        certificate.render_status = RenderStatus.PENDING
        certificate.render_requested_at = timezone.now()
        certificate.render_attempts = 0
        certificate.emailed_at = None  # the finished render emails the corrected PDF
        certificate.save()
        enqueue(RENDER_TASK, certificate.pk)
        return certificate


def certificate_revoke(*, certificate: Certificate, actor, reason: str) -> Certificate:
    """Staff only. The verification page says so at once; the learner is told."""
    reason = (reason or "").strip()
    if not (getattr(actor, "is_authenticated", False) and actor.is_staff):
        raise CertificateError(_("Only academy staff revoke certificates."))
    if not reason:
        raise CertificateError(_("Please give the reason for revoking this certificate."))
    if len(reason) > MAX_REVOKE_REASON:
        raise CertificateError(
            _("Please keep the reason for revoking to %(max)s characters (it has "
              "%(length)s).") % {"max": MAX_REVOKE_REASON, "length": len(reason)})
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrollment__user")
            .get(pk=certificate.pk)
        )
        if certificate.is_revoked:
            raise CertificateError(_("This certificate is already revoked."))
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason
        certificate.revoked_by = actor
        stored, certificate.pdf = certificate.pdf.name, ""
        certificate.save(
            update_fields=["revoked_at", "revoked_reason", "revoked_by", "pdf", "updated_at"]
        )
        if certificate.status_list_id is not None:  # the credential is revoked too
            _status_bit_set(list_id=certificate.status_list_id,
                            index=certificate.status_list_index)
        if stored:  # nothing serves a revoked certificate's PDF: the file goes too
            transaction.on_commit(lambda: _delete_pdf(stored), robust=True)
        _email_learner(
            certificate, kind="certificate.revoked", template="certificate_revoked",
            subject=format_lazy(gettext_lazy("Your certificate for {course} was revoked"),
                                course=certificate.course_title),
        )
    return certificate
