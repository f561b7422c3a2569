"""Enrollment rules: capacity, approval, waitlist, withdrawal (pretix's waitinglist.py style).

Every service is keyword-only, runs in one transaction, locks the cohort row first
(services/locking.py) and raises EnrollmentError with a message a person can read. A seat
freed by a withdrawal, decline or removal goes to the first person on the waitlist in the
same transaction. Each status change writes an EnrollmentEvent and, with it, its email to
the outbox.

`enrollment_admission` is the rule for who may enroll and what they get; the Enroll button
(selectors.enrollment_offer) shows what it says, so the button never promises more than
`enrollment_create` does.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from academy.inputs import too_long
from academy.times import in_zone

from ..models import (
    SEAT_STATUSES,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentEvent,
    EnrollmentMode,
    EnrollmentStatus,
)
from ..notifications import enrollment_event_email
from .errors import EnrollmentError, EnrollmentNotFound
from .lifecycle import enrollment_move_allowed
from .locking import cohort_transaction, lock_cohort, lock_enrollment

S = EnrollmentStatus


@dataclass(frozen=True)
class Admission:
    """What enrolling would do now: the status a person gets, or why they cannot enroll."""

    status: str | None  # pending, enrolled or waitlisted; None when refused
    full: bool = False
    refusal: str = ""
    code: str = ""  # closed, window, facilitator, full


def enrollment_admission(cohort, *, seats_taken: int, is_facilitator: bool, now=None):
    """The one rule for joining a cohort: its state, the enrollment window, who the person
    is, the seats and the mode."""
    now = now or timezone.now()
    if not cohort.joinable_status:
        label = cohort.get_status_display().lower()
        return Admission(
            None, refusal=_("This cohort is %(status)s; it does not take enrollments.")
            % {"status": label}, code="closed",
        )
    window = cohort.window_state(now)
    if window == "before":
        opens = in_zone(cohort.enrollment_opens_at, style="long")
        return Admission(None, refusal=_("Enrollment opens on %(date)s.") % {"date": opens},
                         code="window")
    if window == "after":
        return Admission(None, refusal=_("Enrollment for this cohort has closed."), code="window")
    if is_facilitator:
        return Admission(
            None, refusal=_("You facilitate this cohort, so you cannot enroll in it."),
            code="facilitator",
        )
    if cohort.self_paced:
        return Admission(S.ENROLLED)  # no seats to count: start any time
    full = seats_taken >= cohort.capacity
    if cohort.enrollment_mode == EnrollmentMode.APPROVAL:
        return Admission(S.PENDING, full=full)
    if not full:
        return Admission(S.ENROLLED)
    if cohort.waitlist_enabled:
        return Admission(S.WAITLISTED, full=True)
    return Admission(None, full=True, refusal=_("This cohort is full."), code="full")


def seats_taken(cohort) -> int:
    return Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES).count()


def set_status(enrollment, to_status, *, actor, kind, message="", now=None):
    """Move `enrollment` to `to_status`: its history row and its email, in this transaction."""
    now = now or timezone.now()
    from_status = enrollment.status
    limit = (Enrollment._meta.get_field("decision_message").max_length
             if kind in ("approved", "declined", "removed")
             else EnrollmentEvent._meta.get_field("message").max_length)
    problem = too_long(message, limit, _("the message"))
    if problem:  # the decision never goes out with its message cut or dropped
        raise EnrollmentError(problem + " " + _("Nothing was changed."), code="message")
    if not enrollment_move_allowed(from_status, to_status):
        before = str(S(from_status).label).lower() if from_status else _("nothing")
        raise EnrollmentError(
            _("An enrollment cannot go from %(before)s to %(after)s.")
            % {"before": before, "after": str(S(to_status).label).lower()},
            code="state",
        )
    enrollment.status = to_status
    enrollment.status_changed_at = now
    fields = ["status", "status_changed_at"]
    if to_status == S.WAITLISTED:
        enrollment.waitlisted_at = now
        fields.append("waitlisted_at")
    if kind in ("approved", "declined", "removed"):
        enrollment.decision_message = message
        fields.append("decision_message")
    if enrollment.pk:
        enrollment.save(update_fields=fields)
    else:
        enrollment.save()
    event = EnrollmentEvent.objects.create(
        enrollment=enrollment, actor=actor, from_status=from_status or "", to_status=to_status,
        kind=kind, message=message, created_at=now,
    )
    enrollment_event_email(event)
    return event


def fill_free_seats(cohort, *, actor=None, now=None) -> list[Enrollment]:
    """Promote from the head of the waitlist while seats are free (cohort row locked)."""
    free = cohort.capacity - seats_taken(cohort)
    if free <= 0 or not cohort.joinable_status:
        return []
    promoted = list(
        Enrollment.objects.waitlist().filter(cohort=cohort).select_related("user")[:free]
    )
    for enrollment in promoted:
        enrollment.cohort = cohort
        set_status(enrollment, S.ENROLLED, actor=actor, kind="promoted", now=now)
    return promoted


DUPLICATE_MESSAGES = {
    S.PENDING: gettext_lazy(
        "You have already applied to this cohort; a facilitator will reply soon."
    ),
    S.ENROLLED: gettext_lazy("You are already enrolled in this cohort."),
    S.WAITLISTED: gettext_lazy("You are already on the waitlist of this cohort."),
    S.COMPLETED: gettext_lazy("You have already completed this cohort."),
    S.DECLINED: gettext_lazy(
        "Your application to this cohort was declined. Please contact the "
        "facilitators if you think this is a mistake."
    ),
    S.REMOVED: gettext_lazy(
        "The facilitators ended your enrollment in this cohort. Please contact them if "
        "you think this is a mistake."
    ),
    S.NOT_COMPLETED: gettext_lazy("This cohort has ended."),
    S.CANCELLED: gettext_lazy("This cohort was cancelled."),
}
KIND_FOR = {S.PENDING: "received", S.ENROLLED: "enrolled", S.WAITLISTED: "waitlisted"}


def enrollment_create(
    *, cohort: Cohort, user, hopes: str = "", accessibility_needs: str = "",
    share_name: bool = False,
) -> Enrollment:
    """Enroll `user`: enrolled if a seat is free, pending in approval cohorts, else waitlisted.

    A person who withdrew gets the same row back (its history is kept).
    """
    if not getattr(user, "is_authenticated", False):
        raise EnrollmentError(_("Please log in to enroll."))
    for field, value in (("hopes", hopes), ("accessibility_needs", accessibility_needs)):
        model_field = Enrollment._meta.get_field(field)
        problem = too_long(value, model_field.max_length, f"“{model_field.verbose_name}”")
        if problem:
            raise EnrollmentError(problem, code="too_long")
    with cohort_transaction():
        cohort = lock_cohort(cohort.pk)
        now = timezone.now()  # taken under the lock: waitlist order is commit order
        enrollment = Enrollment.objects.filter(cohort=cohort, user=user).first()
        if enrollment is not None and enrollment.status != S.WITHDRAWN:
            raise EnrollmentError(str(DUPLICATE_MESSAGES[enrollment.status]), code="duplicate")
        # Seats added since (a larger capacity) go to the waitlist first, not to newcomers.
        fill_free_seats(cohort, now=now)
        admission = enrollment_admission(
            cohort, seats_taken=seats_taken(cohort), is_facilitator=cohort.has_facilitator(user),
            now=now,
        )
        if admission.status is None:
            raise EnrollmentError(admission.refusal, code=admission.code)

        if enrollment is None:
            enrollment = Enrollment(cohort=cohort, user=user, created_at=now, status="")
        enrollment.cohort = cohort
        enrollment.hopes = hopes
        enrollment.accessibility_needs = accessibility_needs
        enrollment.share_name = share_name
        enrollment.decision_message = ""
        if enrollment.pk:
            enrollment.save(
                update_fields=["hopes", "accessibility_needs", "share_name", "decision_message"]
            )
        try:
            with transaction.atomic():
                set_status(enrollment, admission.status, actor=user,
                           kind=KIND_FOR[admission.status], now=now)
        except IntegrityError as exc:  # a double submit that raced past the lock's absence
            raise EnrollmentError(str(DUPLICATE_MESSAGES[S.ENROLLED]), code="duplicate") from exc
    return enrollment


def enrollment_withdraw(*, enrollment: Enrollment, actor) -> Enrollment:
    """The learner leaves; a freed seat goes to the first person on the waitlist."""
    with cohort_transaction():
        cohort = lock_cohort(enrollment.cohort_id)
        enrollment = lock_enrollment(enrollment.pk)
        if actor is None or actor.pk != enrollment.user_id:
            raise EnrollmentNotFound()
        if not enrollment.can_withdraw:
            raise EnrollmentError(
                _("You cannot withdraw: your enrollment is %(status)s.")
                % {"status": enrollment.get_status_display().lower()}
            )
        if cohort.status in (CohortStatus.FINISHED, CohortStatus.CANCELLED):
            raise EnrollmentError(
                _("%(cohort)s is %(status)s; there is nothing to withdraw from.")
                % {"cohort": cohort.title, "status": cohort.get_status_display().lower()}
            )
        enrollment.cohort = cohort
        set_status(enrollment, S.WITHDRAWN, actor=actor, kind="withdrawn")
        fill_free_seats(cohort)
    return enrollment


def _managed(enrollment, actor):
    cohort = lock_cohort(enrollment.cohort_id)
    enrollment = lock_enrollment(enrollment.pk)
    if not cohort.is_managed_by(actor):
        raise EnrollmentNotFound()
    enrollment.cohort = cohort
    return cohort, enrollment


def enrollment_approve(*, enrollment: Enrollment, actor, message: str = "") -> Enrollment:
    """Approve an applicant: enrolled if a seat is free, otherwise at the end of the waitlist."""
    with cohort_transaction():
        cohort, enrollment = _managed(enrollment, actor)
        if enrollment.status != S.PENDING:
            raise EnrollmentError(_("Only applications awaiting approval can be approved."))
        to_status = S.ENROLLED if seats_taken(cohort) < cohort.capacity else S.WAITLISTED
        set_status(enrollment, to_status, actor=actor, kind="approved", message=message)
    return enrollment


def enrollment_decline(*, enrollment: Enrollment, actor, message: str = "") -> Enrollment:
    """Decline an applicant or someone on the waitlist, with an optional message."""
    with cohort_transaction():
        cohort, enrollment = _managed(enrollment, actor)
        if enrollment.status not in (S.PENDING, S.WAITLISTED):
            raise EnrollmentError(
                _("Only applicants and people on the waitlist can be declined; "
                  "remove an enrolled person instead.")
            )
        set_status(enrollment, S.DECLINED, actor=actor, kind="declined", message=message)
        fill_free_seats(cohort, actor=actor)
    return enrollment


def enrollment_remove(*, enrollment: Enrollment, actor, message: str = "") -> Enrollment:
    """A facilitator removes an enrolled person; their seat goes to the waitlist."""
    with cohort_transaction():
        cohort, enrollment = _managed(enrollment, actor)
        if enrollment.status != S.ENROLLED:
            raise EnrollmentError(_("Only enrolled people can be removed."))
        set_status(enrollment, S.REMOVED, actor=actor, kind="removed", message=message)
        fill_free_seats(cohort, actor=actor)
    return enrollment


def enrollment_promote(*, enrollment: Enrollment, actor) -> Enrollment:
    """A facilitator enrolls someone from the waitlist by hand, out of turn.

    Free seats are always given to the head of the waitlist at once, so a promotion by
    hand adds a seat: the cohort may go over its capacity, as the facilitator decided.
    """
    with cohort_transaction():
        _cohort, enrollment = _managed(enrollment, actor)
        if enrollment.status != S.WAITLISTED:
            raise EnrollmentError(_("Only people on the waitlist can be promoted."))
        set_status(enrollment, S.ENROLLED, actor=actor, kind="promoted")
    return enrollment


def enrollment_complete_by_exception(*, enrollment, actor, reason: str) -> Enrollment:
    """A learner marked not completed is completed after all, by a facilitator's written
    exception (the certificates app calls this when it issues one)."""
    if not reason.strip():
        raise EnrollmentError(_("Write the reason for the exception."), code="reason")
    with transaction.atomic():
        enrollment = lock_enrollment(enrollment.pk)
        if not enrollment.cohort.is_managed_by(actor):
            raise EnrollmentNotFound()
        set_status(enrollment, S.COMPLETED, actor=actor, kind="completed", message=reason)
    return enrollment
