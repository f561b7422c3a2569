"""A cohort's life as actions: open, start, cancel; capacity; announcements. (Closing, the
largest move, is in closing.py.) Each action locks the cohort, asks the state machine
(lifecycle.py), records a CohortEvent and tells the people it concerns."""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.public_cache import public_pages_changed

from ..models import (
    Cohort,
    CohortEvent,
    CohortEventKind,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    Session,
)
from ..notifications import announcement_email
from .enrollment import fill_free_seats, seats_taken, set_status
from .errors import EnrollmentError, EnrollmentNotFound
from .lifecycle import OPEN_ENROLLMENT_STATUSES, cohort_move_refusal
from .locking import cohort_transaction, lock_cohort

C = CohortStatus
K = CohortEventKind
MAX_MESSAGE = CohortEvent._meta.get_field("message").max_length  # 5000


def _managed_cohort(cohort, actor) -> Cohort:
    cohort = lock_cohort(cohort.pk)
    if not cohort.is_managed_by(actor):
        raise EnrollmentNotFound()
    return cohort


def _move(cohort, to_status, actor, kind, summary, message="") -> Cohort:
    refusal = cohort_move_refusal(cohort, to_status)
    if refusal:
        raise EnrollmentError(refusal, code="state")
    cohort.status = to_status
    cohort.save(update_fields=["status"])
    CohortEvent.objects.create(cohort=cohort, actor=actor, kind=kind, summary=summary,
                               message=message)
    return cohort


def cohort_open(*, cohort, actor) -> Cohort:
    """Draft -> open: the cohort takes enrollments (it needs at least one session)."""
    with cohort_transaction():
        cohort = _managed_cohort(cohort, actor)
        if cohort.status == C.DRAFT and not Session.objects.active().filter(
            cohort=cohort
        ).exists():
            raise EnrollmentError(_("Add at least one session before you open the cohort."),
                                  code="state")
        return _move(cohort, C.OPEN, actor, K.OPENED, "Opened for enrollment")


def cohort_start(*, cohort, actor) -> Cohort:
    """Open -> in progress: sessions are under way (enrollment may stay open)."""
    with cohort_transaction():
        cohort = _managed_cohort(cohort, actor)
        return _move(cohort, C.IN_PROGRESS, actor, K.STARTED, "Started")


def cohort_cancel(*, cohort, actor, reason: str) -> Cohort:
    """Any state but finished -> cancelled. Everyone enrolled, pending or waitlisted is told
    (with the reason) and their enrollment ends as Cancelled; calendars drop the sessions."""
    reason = (reason or "").strip()
    if not reason:
        raise EnrollmentError(_("Please say why the cohort is cancelled; learners see it."),
                              code="reason")
    if len(reason) > MAX_MESSAGE:
        raise EnrollmentError(_("Please keep the reason under %(max)s characters.") % {
            "max": MAX_MESSAGE}, code="reason")
    with cohort_transaction():
        cohort = _managed_cohort(cohort, actor)
        now = timezone.now()
        cohort.cancelled_at, cohort.cancel_reason = now, reason
        cohort.save(update_fields=["cancelled_at", "cancel_reason"])
        cohort = _move(cohort, C.CANCELLED, actor, K.CANCELLED, "Cancelled", reason)
        people = list(
            Enrollment.objects.filter(cohort=cohort, status__in=OPEN_ENROLLMENT_STATUSES)
            .select_related("user")
        )
        for enrollment in people:
            enrollment.cohort = cohort
            set_status(enrollment, EnrollmentStatus.CANCELLED, actor=actor, kind="cancelled",
                       message=reason, now=now)
        Session.objects.filter(cohort=cohort, starts_at__gt=now, cancelled_at__isnull=True)\
            .update(cancelled_at=now)
        # Every session changes in calendars (STATUS:CANCELLED): a higher SEQUENCE each.
        Session.objects.filter(cohort=cohort).update(sequence=F("sequence") + 1)
        public_pages_changed()
        CohortEvent.objects.filter(cohort=cohort, kind=K.CANCELLED).update(
            recipients=len(people)
        )
    return cohort


def cohort_set_capacity(*, cohort, actor, capacity: int) -> Cohort:
    """Raising the seats promotes from the waitlist at once (with emails); lowering them
    below the seats already taken is refused, with the numbers."""
    if capacity is None or capacity < 0:
        raise EnrollmentError(_("Capacity is a number of seats, 0 or more."), code="capacity")
    with cohort_transaction():
        cohort = _managed_cohort(cohort, actor)
        taken = seats_taken(cohort)
        if capacity < taken:
            raise EnrollmentError(
                _("%(taken)s seats are taken, so the capacity cannot go down to %(capacity)s. "
                  "Lower it to %(taken)s at the least, or remove people first.") % {
                    "taken": taken, "capacity": capacity}, code="capacity"
            )
        before = cohort.capacity
        if capacity == before:
            return cohort
        cohort.capacity = capacity
        cohort.save(update_fields=["capacity"])
        promoted = fill_free_seats(cohort, actor=actor)
        CohortEvent.objects.create(
            cohort=cohort, actor=actor, kind=K.CAPACITY,
            summary=f"Capacity {before} → {capacity}"
            + (f"; {len(promoted)} promoted from the waitlist" if promoted else ""),
            recipients=len(promoted),
        )
    return cohort


def cohort_announce(*, cohort, actor, subject: str, message: str,
                    include_waitlist: bool = False) -> CohortEvent:
    """Email the cohort's enrolled learners (and optionally its waitlist) through the
    outbox; the announcement stays in the cohort's history."""
    subject, message = (subject or "").strip(), (message or "").strip()
    if not subject or not message:
        raise EnrollmentError(_("An announcement needs a subject and a message."),
                              code="empty")
    if len(subject) > 200 or len(message) > MAX_MESSAGE:
        raise EnrollmentError(
            _("Please keep the subject under 200 and the message under %(max)s "
              "characters.") % {"max": MAX_MESSAGE}, code="long")
    statuses = [EnrollmentStatus.ENROLLED]
    if include_waitlist:
        statuses.append(EnrollmentStatus.WAITLISTED)
    with cohort_transaction():
        cohort = _managed_cohort(cohort, actor)
        if cohort.status in (C.CANCELLED, C.DRAFT):
            raise EnrollmentError(_("This cohort is %(status)s; there is nobody to tell.") % {
                "status": cohort.get_status_display().lower()}, code="state")
        people = list(Enrollment.objects.filter(cohort=cohort, status__in=statuses)
                      .select_related("user"))
        event = CohortEvent.objects.create(
            cohort=cohort, actor=actor, kind=K.ANNOUNCEMENT, summary=subject, message=message,
            recipients=len(people),
        )
        for enrollment in people:
            announcement_email(event, enrollment)
    return event
