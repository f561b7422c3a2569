"""Attendance rules: facilitators' marks, "mark all present", meeting-report imports and
self check-in. Only the cohort's facilitators and staff mark; learners check themselves
in with the session's code, inside its window (CHECK_IN_OPENS_BEFORE, LATE_AFTER)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from academy import ratelimit
from academy.times import in_zone

from ..models import (
    CHECK_IN_OPENS_BEFORE,
    SEAT_STATUSES,
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    CohortStatus,
    Enrollment,
    Session,
)
from .errors import AttendanceError, SheetError

MAX_NOTE = Attendance._meta.get_field("note").max_length


def check_marks_allowed(session, status, now):
    """The one rule for when attendance may be recorded: a cohort that is not finished or
    cancelled, a session that is not cancelled and, except for excusals (which may be
    recorded ahead), has started."""
    cohort = session.cohort
    if cohort.status in (CohortStatus.FINISHED, CohortStatus.CANCELLED):
        raise AttendanceError(
            _("%(cohort)s is %(status)s; its attendance is final.") % {
                "cohort": cohort.title, "status": cohort.get_status_display().lower()},
            code="closed",
        )
    if session.cancelled_at:
        raise AttendanceError(_("%(session)s was cancelled.") % {"session": session.title},
                              code="cancelled")
    if status != AttendanceStatus.EXCUSED and session.starts_at > now:
        raise AttendanceError(
            _("%(session)s has not started yet (it starts %(starts)s). Present, late and "
              "absent can be recorded once it starts; excused can be recorded ahead of "
              "time.") % {"session": session.title,
                          "starts": in_zone(session.starts_at, cohort.tzinfo, "weekday")},
            code="not_started",
        )


def _check_attendance_target(session, enrollment):
    if enrollment.cohort_id != session.cohort_id:
        raise AttendanceError(_("That person is not in this session's cohort."),
                              code="not_found")
    if enrollment.status not in SEAT_STATUSES:
        raise AttendanceError(
            _("%(name)s is not enrolled (%(status)s).") % {
                "name": enrollment.user.display_name,
                "status": enrollment.get_status_display().lower()},
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
        raise AttendanceError(_("Choose present, late, excused or absent."))
    now = now or timezone.now()
    with transaction.atomic():
        if not session.cohort.is_managed_by(actor):
            raise AttendanceError(_("We could not find that session."), code="not_found")
        check_marks_allowed(session, status, now)
        _check_attendance_target(session, enrollment)
        return _upsert_attendance(
            session=session, enrollment=enrollment, status=status, actor=actor,
            source=source, note=note, now=now,
        )


def attendance_record_sheet(
    *, session: Session, actor, marks: dict, now=None,
) -> int:
    """A whole attendance sheet, all or nothing: `marks` is {enrollment: (status, note)}
    (status "" for a row left unmarked). A row with an unknown status, a note without a
    status, a note over MAX_NOTE characters or a mark the session does not take yet is
    a problem; with any problem nothing is saved and SheetError names the rows. Returns
    how many marks changed.
    """
    now = now or timezone.now()
    with transaction.atomic():
        if not session.cohort.is_managed_by(actor):
            raise AttendanceError(_("We could not find that session."), code="not_found")
        problems, todo = {}, []
        for enrollment, (status, note) in marks.items():
            why = ""
            if not status:
                why = _("choose present, late, excused or absent before adding a note") \
                    if note else ""
                if not why:
                    continue
            elif status not in AttendanceStatus.values:
                why = _("choose present, late, excused or absent")
            elif len(note) > MAX_NOTE:
                why = _("keep the note to %(max)s characters (it has %(count)s)") % {
                    "max": MAX_NOTE, "count": len(note)}
            else:
                try:
                    check_marks_allowed(session, status, now)
                    _check_attendance_target(session, enrollment)
                except AttendanceError as exc:
                    why = str(exc)
            if why:
                problems[enrollment.pk] = (enrollment.user.display_name, why)
            else:
                todo.append((enrollment, status, note))
        if problems:
            raise SheetError(
                ngettext("Nothing was saved. Please correct this row: %(rows)s.",
                         "Nothing was saved. Please correct these %(count)s rows: %(rows)s.",
                         len(problems)) % {
                    "count": len(problems),
                    "rows": "; ".join(f"{name}: {why}" for name, why in problems.values())},
                problems={pk: why for pk, (_name, why) in problems.items()},
            )
        changed = 0
        for enrollment, status, note in todo:
            mark = getattr(enrollment, "mark", None)
            if mark is not None and mark.status == status and mark.note == note:
                continue
            _upsert_attendance(session=session, enrollment=enrollment, status=status,
                               actor=actor, source=AttendanceSource.FACILITATOR, note=note,
                               now=now)
            changed += 1
    return changed


def attendance_mark_all_present(*, session: Session, actor, now=None) -> int:
    """Mark every enrolled learner without a mark yet as present; existing marks stay.

    Returns how many learners were marked.
    """
    now = now or timezone.now()
    with transaction.atomic():
        if not session.cohort.is_managed_by(actor):
            raise AttendanceError(_("We could not find that session."), code="not_found")
        check_marks_allowed(session, AttendanceStatus.PRESENT, now)
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


def normalise_check_in_code(code: str) -> str:
    return "".join(str(code or "").split()).upper()


def session_check_in(*, code: str, user, now=None) -> Attendance:
    """An enrolled learner checks themself in with the session's code.

    Open from 15 minutes before the start to the end; late after 10 minutes. A wrong
    code, someone else's session or a closed window raise AttendanceError and record
    nothing. Wrong codes are rate limited per person (ACADEMY_RATE_LIMITS: 5 per 10 min).
    """
    if not getattr(user, "is_authenticated", False):
        raise AttendanceError(_("Please log in to check in."), code="login")
    now = now or timezone.now()
    if ratelimit.exhausted("check_in_wrong_code", user=user):
        raise AttendanceError(
            _("Too many wrong codes. Please wait 10 minutes, or ask your facilitator "
              "to mark you present."), code="rate_limited",
        )
    code = normalise_check_in_code(code)
    session = (
        Session.objects.select_related("cohort__course").filter(check_in_code=code).first()
        if code else None
    )
    if session is None:
        ratelimit.consume("check_in_wrong_code", user=user)
        raise AttendanceError(
            _("That code does not match a session. Check the code on the screen and try "
              "again."),
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
            _("You are not enrolled in %(cohort)s, so you cannot check in to this "
              "session.") % {"cohort": session.cohort.title}, code="not_enrolled",
        )
    if session.cancelled_at or session.cohort.status == CohortStatus.FINISHED:
        raise AttendanceError(
            _("%(session)s was cancelled.") % {"session": session.title}
            if session.cancelled_at else
            _("%(cohort)s is finished, so check-in is closed.") % {
                "cohort": session.cohort.title}, code="closed",
        )
    if now < session.starts_at - CHECK_IN_OPENS_BEFORE:
        # In the learner's own time zone, with its abbreviation (as My learning shows it).
        opens = session.starts_at - CHECK_IN_OPENS_BEFORE
        raise AttendanceError(
            _("Check-in for %(session)s opens at %(opens)s, 15 minutes before the start.") % {
                "session": session.title, "opens": in_zone(opens, user.tzinfo, "weekday")},
            code="too_early",
        )
    if now > session.ends_at:
        raise AttendanceError(
            _("%(session)s has ended, so check-in is closed. Please ask your facilitator "
              "if you were there.") % {"session": session.title}, code="closed",
        )
    status = session.arrival_status(now)
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
        if not session.cohort.is_managed_by(actor):
            raise AttendanceError(_("We could not find that session."), code="not_found")
        check_marks_allowed(session, AttendanceStatus.PRESENT, now)
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
