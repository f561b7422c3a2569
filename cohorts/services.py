"""Enrollment rules: capacity, approval, waitlist, withdrawal (pretix's waitinglist.py style).

Every service is keyword-only, runs in one transaction, locks the cohort row first
(`select_for_update`: concurrent requests on PostgreSQL queue on that row, so the seat
count they read is the one they write against; on SQLite the settings' BEGIN IMMEDIATE
serialises writers) and raises EnrollmentError with a message a person can read.
A seat freed by a withdrawal, decline or removal goes to the first person on the
waitlist in the same transaction. Emails are queued with transaction.on_commit.
"""

import time
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from .models import (
    SEAT_STATUSES,
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    CalendarToken,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentEvent,
    EnrollmentMode,
    EnrollmentStatus,
    Session,
)

# Only the control concurrency test turns this off, to show that the test can fail:
# without the row lock, concurrent count-then-insert overbooks (as pretix demonstrates).
LOCKING = True
# Seconds slept between counting seats and writing, on the unlocked path only, so that
# the control test's race is visible on a fast machine. Always 0 outside that test.
UNLOCKED_RACE_WINDOW = 0.0


class EnrollmentError(Exception):
    """A rule was broken; the message is for people."""

    def __init__(self, message, *, code="invalid"):
        super().__init__(message)
        self.code = code


class EnrollmentNotFound(EnrollmentError):
    """The actor may not touch this enrollment; views answer 404 (no 403 leak)."""

    def __init__(self):
        super().__init__("We could not find that enrollment.", code="not_found")


S = EnrollmentStatus


def _lock_cohort(cohort_id) -> Cohort:
    qs = Cohort.objects.all()
    if LOCKING:
        qs = qs.select_for_update()
    return qs.get(pk=cohort_id)


def _lock_enrollment(enrollment_id) -> Enrollment:
    qs = Enrollment.objects.select_related("cohort", "user")
    if LOCKING:
        qs = qs.select_for_update(of=("self",))
    return qs.get(pk=enrollment_id)


def _seats_taken(cohort) -> int:
    return Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES).count()


def _has_free_seat(cohort) -> bool:
    taken = _seats_taken(cohort)
    if not LOCKING and UNLOCKED_RACE_WINDOW:
        time.sleep(UNLOCKED_RACE_WINDOW)
    return taken < cohort.capacity


def can_manage(user, cohort) -> bool:
    """Staff and the cohort's own facilitators run it."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or cohort.facilitators.filter(pk=user.pk).exists()


def _notify(event):
    from .tasks import enrollment_notify_task

    transaction.on_commit(lambda: enrollment_notify_task.delay(event.pk))


def _set_status(enrollment, to_status, *, actor, kind, message="", now=None, notify=True):
    """Move `enrollment` to `to_status`, keep the history row, queue its email."""
    now = now or timezone.now()
    from_status = enrollment.status
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
    if notify:
        _notify(event)
    return event


def _fill_free_seats(cohort, *, actor=None, now=None) -> list[Enrollment]:
    """Promote from the head of the waitlist while seats are free (cohort row locked)."""
    promoted = []
    free = cohort.capacity - _seats_taken(cohort)
    if free <= 0:
        return promoted
    for enrollment in Enrollment.objects.waitlist().filter(cohort=cohort)[:free]:
        _set_status(enrollment, S.ENROLLED, actor=actor, kind="promoted", now=now)
        promoted.append(enrollment)
    return promoted


def _check_joinable(cohort, user, now):
    if not cohort.joinable_status:
        label = cohort.get_status_display().lower()
        raise EnrollmentError(f"This cohort is {label}; it does not take enrollments.")
    window = cohort.window_state(now)
    if window == "before":
        opens = date_format(timezone.localtime(cohort.enrollment_opens_at), "DATETIME_FORMAT")
        raise EnrollmentError(f"Enrollment opens on {opens}.", code="window")
    if window == "after":
        raise EnrollmentError("Enrollment for this cohort has closed.", code="window")
    if cohort.facilitators.filter(pk=user.pk).exists():
        raise EnrollmentError("You facilitate this cohort, so you cannot enroll in it.")


DUPLICATE_MESSAGES = {
    S.PENDING: "You have already applied to this cohort; a facilitator will reply soon.",
    S.ENROLLED: "You are already enrolled in this cohort.",
    S.WAITLISTED: "You are already on the waitlist of this cohort.",
    S.COMPLETED: "You have already completed this cohort.",
    S.DECLINED: "Your application to this cohort was declined. Please contact the "
    "facilitators if you think this is a mistake.",
}


def enrollment_create(
    *, cohort: Cohort, user, hopes: str = "", accessibility_needs: str = "",
    share_name: bool = False,
) -> Enrollment:
    """Enroll `user`: enrolled if a seat is free, pending in approval cohorts, else waitlisted.

    A person who withdrew gets the same row back (its history is kept).
    """
    if not getattr(user, "is_authenticated", False):
        raise EnrollmentError("Please log in to enroll.")
    with transaction.atomic():
        cohort = _lock_cohort(cohort.pk)
        now = timezone.now()  # taken under the lock: waitlist order is commit order
        _check_joinable(cohort, user, now)
        enrollment = Enrollment.objects.filter(cohort=cohort, user=user).first()
        if enrollment is not None and enrollment.status != S.WITHDRAWN:
            raise EnrollmentError(DUPLICATE_MESSAGES[enrollment.status], code="duplicate")
        # Seats added since (a larger capacity) go to the waitlist first, not to newcomers.
        _fill_free_seats(cohort, now=now)

        if cohort.enrollment_mode == EnrollmentMode.APPROVAL:
            to_status, kind = S.PENDING, "received"
        elif _has_free_seat(cohort):
            to_status, kind = S.ENROLLED, "enrolled"
        elif cohort.waitlist_enabled:
            to_status, kind = S.WAITLISTED, "waitlisted"
        else:
            raise EnrollmentError("This cohort is full.", code="full")

        if enrollment is None:
            enrollment = Enrollment(cohort=cohort, user=user, created_at=now, status="")
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
                _set_status(enrollment, to_status, actor=user, kind=kind, now=now)
        except IntegrityError as exc:  # only reachable without the lock (control test)
            raise EnrollmentError(DUPLICATE_MESSAGES[S.ENROLLED], code="duplicate") from exc
    return enrollment


def enrollment_withdraw(*, enrollment: Enrollment, actor) -> Enrollment:
    """The learner leaves; a freed seat goes to the first person on the waitlist."""
    with transaction.atomic():
        cohort = _lock_cohort(enrollment.cohort_id)
        enrollment = _lock_enrollment(enrollment.pk)
        if actor is None or actor.pk != enrollment.user_id:
            raise EnrollmentNotFound()
        if not enrollment.can_withdraw:
            raise EnrollmentError(
                f"You cannot withdraw: your enrollment is "
                f"{enrollment.get_status_display().lower()}."
            )
        _set_status(enrollment, S.WITHDRAWN, actor=actor, kind="withdrawn")
        _fill_free_seats(cohort)
    return enrollment


def _managed(enrollment, actor):
    cohort = _lock_cohort(enrollment.cohort_id)
    enrollment = _lock_enrollment(enrollment.pk)
    if not can_manage(actor, cohort):
        raise EnrollmentNotFound()
    return cohort, enrollment


def enrollment_approve(*, enrollment: Enrollment, actor, message: str = "") -> Enrollment:
    """Approve an applicant: enrolled if a seat is free, otherwise at the end of the waitlist."""
    with transaction.atomic():
        cohort, enrollment = _managed(enrollment, actor)
        if enrollment.status != S.PENDING:
            raise EnrollmentError("Only applications awaiting approval can be approved.")
        if _has_free_seat(cohort):
            _set_status(enrollment, S.ENROLLED, actor=actor, kind="approved", message=message)
        else:
            _set_status(enrollment, S.WAITLISTED, actor=actor, kind="approved", message=message)
    return enrollment


def enrollment_decline(*, enrollment: Enrollment, actor, message: str = "") -> Enrollment:
    """Decline an applicant or someone on the waitlist, with an optional message."""
    with transaction.atomic():
        cohort, enrollment = _managed(enrollment, actor)
        if enrollment.status not in (S.PENDING, S.WAITLISTED):
            raise EnrollmentError(
                "Only applicants and people on the waitlist can be declined; "
                "remove an enrolled person instead."
            )
        _set_status(enrollment, S.DECLINED, actor=actor, kind="declined", message=message)
        _fill_free_seats(cohort, actor=actor)
    return enrollment


def enrollment_remove(*, enrollment: Enrollment, actor, message: str = "") -> Enrollment:
    """A facilitator removes an enrolled person; their seat goes to the waitlist."""
    with transaction.atomic():
        cohort, enrollment = _managed(enrollment, actor)
        if enrollment.status != S.ENROLLED:
            raise EnrollmentError("Only enrolled people can be removed.")
        _set_status(enrollment, S.DECLINED, actor=actor, kind="removed", message=message)
        _fill_free_seats(cohort, actor=actor)
    return enrollment


def enrollment_promote(*, enrollment: Enrollment, actor) -> Enrollment:
    """A facilitator enrolls someone from the waitlist by hand, out of turn.

    Free seats are always given to the head of the waitlist at once, so a promotion by
    hand adds a seat: the cohort may go over its capacity, as the facilitator decided.
    """
    with transaction.atomic():
        _, enrollment = _managed(enrollment, actor)
        if enrollment.status != S.WAITLISTED:
            raise EnrollmentError("Only people on the waitlist can be promoted.")
        _set_status(enrollment, S.ENROLLED, actor=actor, kind="promoted")
    return enrollment


def calendar_token_for(user) -> CalendarToken:
    token, _ = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_reset(*, user) -> CalendarToken:
    """A new secret: the old feed URL stops working at once."""
    from .models import new_calendar_token

    token, created = CalendarToken.objects.get_or_create(user=user)
    if not created:
        token.token = new_calendar_token()
        token.save(update_fields=["token", "created_at"])
    return token


# --- Attendance and self check-in (issue 4) -------------------------------------------

CHECK_IN_OPENS_BEFORE = timedelta(minutes=15)
LATE_AFTER = timedelta(minutes=10)
CHECK_IN_MAX_WRONG = 5  # wrong codes per person ...
CHECK_IN_LOCKOUT = 10 * 60  # ... per this many seconds


class AttendanceError(Exception):
    """An attendance or check-in rule was broken; the message is for people."""

    def __init__(self, message, *, code="invalid"):
        super().__init__(message)
        self.code = code


def _check_attendance_target(session, enrollment):
    if enrollment.cohort_id != session.cohort_id:
        raise AttendanceError("That person is not in this session's cohort.", code="not_found")
    if enrollment.status not in SEAT_STATUSES:
        raise AttendanceError(
            f"{enrollment.user.display_name} is not enrolled "
            f"({enrollment.get_status_display().lower()}).",
        )


def _upsert_attendance(*, session, enrollment, status, actor, source, note, now):
    """Create or update the one row for (session, enrollment); never a duplicate."""
    defaults = {"status": status, "source": source, "marked_by": actor, "marked_at": now}
    if note is not None:
        defaults["note"] = note
    try:
        with transaction.atomic():
            attendance, created = Attendance.objects.select_for_update().get_or_create(
                session=session, enrollment=enrollment,
                defaults={**defaults, "created_at": now},
            )
    except IntegrityError:  # a concurrent first mark won the insert: update that row
        attendance, created = (
            Attendance.objects.select_for_update().get(session=session, enrollment=enrollment),
            False,
        )
    if not created:
        changed = attendance.status != status or (note is not None and attendance.note != note)
        if changed:
            for field, value in defaults.items():
                setattr(attendance, field, value)
            attendance.save(update_fields=[*defaults])
    return attendance


def attendance_record(
    *, session: Session, enrollment: Enrollment, status: str, actor,
    note: str | None = None, source: str = AttendanceSource.FACILITATOR, now=None,
) -> Attendance:
    """A facilitator (or staff) marks one learner at one session; marking again updates.

    `note=None` keeps the existing note. Who marked it and when are kept on the row
    (updated only when the mark or note changes).
    """
    if status not in AttendanceStatus.values:
        raise AttendanceError("Choose present, late, excused or absent.")
    with transaction.atomic():
        if not can_manage(actor, session.cohort):
            raise AttendanceError("We could not find that session.", code="not_found")
        _check_attendance_target(session, enrollment)
        return _upsert_attendance(
            session=session, enrollment=enrollment, status=status, actor=actor,
            source=source, note=note, now=now or timezone.now(),
        )


def attendance_mark_all_present(*, session: Session, actor, now=None) -> int:
    """Mark every enrolled learner without a mark yet as present; existing marks stay.

    Returns how many learners were marked.
    """
    now = now or timezone.now()
    with transaction.atomic():
        if not can_manage(actor, session.cohort):
            raise AttendanceError("We could not find that session.", code="not_found")
        marked = set(
            Attendance.objects.filter(session=session).values_list("enrollment_id", flat=True)
        )
        todo = [
            Attendance(
                session=session, enrollment=e, status=AttendanceStatus.PRESENT,
                source=AttendanceSource.FACILITATOR, marked_by=actor, marked_at=now,
                created_at=now,
            )
            for e in Enrollment.objects.filter(
                cohort_id=session.cohort_id, status__in=SEAT_STATUSES
            ).exclude(pk__in=marked)
        ]
        Attendance.objects.bulk_create(todo, ignore_conflicts=True)
    return len(todo)


def _wrong_code_key(user):
    return f"check-in-wrong:{user.pk}"


def normalise_check_in_code(code: str) -> str:
    return "".join(str(code or "").split()).upper()


def session_check_in(*, code: str, user, now=None) -> Attendance:
    """An enrolled learner checks themself in with the session's code.

    Open from 15 minutes before the start to the end; late after 10 minutes. A wrong
    code, someone else's session or a closed window raise AttendanceError and record
    nothing. Wrong codes are rate limited per person (5 per 10 minutes).
    """
    if not getattr(user, "is_authenticated", False):
        raise AttendanceError("Please log in to check in.", code="login")
    now = now or timezone.now()
    key = _wrong_code_key(user)
    if cache.get(key, 0) >= CHECK_IN_MAX_WRONG:
        raise AttendanceError(
            "Too many wrong codes. Please wait 10 minutes, or ask your facilitator "
            "to mark you present.", code="rate_limited",
        )
    code = normalise_check_in_code(code)
    session = (
        Session.objects.select_related("cohort__course").filter(check_in_code=code).first()
        if code else None
    )
    if session is None:
        try:
            cache.add(key, 0, CHECK_IN_LOCKOUT)
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, CHECK_IN_LOCKOUT)
        raise AttendanceError(
            "That code does not match a session. Check the code on the screen and try again.",
            code="wrong_code",
        )
    enrollment = (
        Enrollment.objects.select_related("user")
        .filter(cohort_id=session.cohort_id, user=user, status__in=SEAT_STATUSES)
        .first()
    )
    if enrollment is None or session.cohort.status in (
        CohortStatus.CANCELLED, CohortStatus.DRAFT
    ):
        raise AttendanceError(
            f"You are not enrolled in {session.cohort.title}, so you cannot check in to "
            "this session.", code="not_enrolled",
        )
    tz = session.cohort.tzinfo
    if now < session.starts_at - CHECK_IN_OPENS_BEFORE:
        opens = timezone.localtime(session.starts_at - CHECK_IN_OPENS_BEFORE, tz)
        raise AttendanceError(
            f"Check-in for {session.title} opens at "
            f"{date_format(opens, 'DATETIME_FORMAT')} ({session.cohort.time_zone}), "
            "15 minutes before the start.", code="too_early",
        )
    if now > session.ends_at:
        raise AttendanceError(
            f"{session.title} has ended, so check-in is closed. Please ask your facilitator "
            "if you were there.", code="closed",
        )
    status = AttendanceStatus.LATE if now > session.starts_at + LATE_AFTER else (
        AttendanceStatus.PRESENT
    )
    with transaction.atomic():
        existing = (
            Attendance.objects.select_for_update()
            .filter(session=session, enrollment=enrollment)
            .first()
        )
        if existing is not None and existing.attended:
            return existing  # already checked in (or marked): keep the first time
        return _upsert_attendance(
            session=session, enrollment=enrollment, status=status, actor=user,
            source=AttendanceSource.SELF_CHECK_IN, note=None, now=now,
        )


def attendance_import(*, session: Session, actor, marks: dict, now=None) -> int:
    """Save the attendance a facilitator confirmed from a meeting report ({enrollment_id:
    status}). An "excused" mark is never replaced by "absent". Returns how many changed.
    """
    now = now or timezone.now()
    changed = 0
    with transaction.atomic():
        if not can_manage(actor, session.cohort):
            raise AttendanceError("We could not find that session.", code="not_found")
        enrollments = Enrollment.objects.select_related("user").in_bulk(list(marks))
        existing = {
            a.enrollment_id: a
            for a in Attendance.objects.filter(session=session, enrollment_id__in=list(marks))
        }
        for enrollment_id, status in marks.items():
            enrollment = enrollments.get(enrollment_id)
            if enrollment is None or status not in AttendanceStatus.values:
                continue
            _check_attendance_target(session, enrollment)
            old = existing.get(enrollment_id)
            if old is not None and (
                old.status == status
                or (old.status == AttendanceStatus.EXCUSED and status == AttendanceStatus.ABSENT)
            ):
                continue
            _upsert_attendance(
                session=session, enrollment=enrollment, status=status, actor=actor,
                source=AttendanceSource.IMPORT, note=None, now=now,
            )
            changed += 1
    return changed
