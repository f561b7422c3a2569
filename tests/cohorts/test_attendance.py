"""Attendance marks and self check-in (cohorts.services), against the database."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cohorts.models import Attendance, Enrollment, Session
from cohorts.services import (
    AttendanceError,
    attendance_mark_all_present,
    attendance_record,
    session_check_in,
)

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


def enrolled(cohort, user, status="enrolled"):
    return Enrollment.objects.create(cohort=cohort, user=user, status=status)


@pytest.fixture
def running(course, facilitator):
    """Four weekly sessions: three held (the last one a day ago), one next week."""
    return make_cohort(course, "running", sessions=4, start_in_days=-15, status="in_progress",
                       facilitators=[facilitator])


def test_marking_twice_updates_and_keeps_who_and_when(running, facilitator, official, staff):
    e = enrolled(running, official)
    session = running.sessions.first()
    first = attendance_record(session=session, enrollment=e, status="absent", actor=facilitator,
                              note="No word")
    later = timezone.now() + timedelta(minutes=5)
    second = attendance_record(session=session, enrollment=e, status="excused", actor=staff,
                               now=later)
    assert first.pk == second.pk
    assert Attendance.objects.count() == 1
    row = Attendance.objects.get()
    assert (row.status, row.note, row.marked_by, row.marked_at, row.source) == (
        "excused", "No word", staff, later, "facilitator")
    assert row.created_at < row.marked_at


def test_only_facilitators_and_staff_mark(running, official, user_factory):
    e = enrolled(running, official)
    session = running.sessions.first()
    for actor in (official, user_factory()):
        with pytest.raises(AttendanceError):
            attendance_record(session=session, enrollment=e, status="present", actor=actor)
    assert not Attendance.objects.exists()


def test_cannot_mark_people_not_enrolled_or_from_elsewhere(running, facilitator, people,
                                                           course):
    waiting = enrolled(running, people[0], "waitlisted")
    other = make_cohort(course, "other")
    elsewhere = enrolled(other, people[1])
    session = running.sessions.first()
    for e in (waiting, elsewhere):
        with pytest.raises(AttendanceError):
            attendance_record(session=session, enrollment=e, status="present", actor=facilitator)
    with pytest.raises(AttendanceError):
        attendance_record(session=session, enrollment=enrolled(running, people[2]),
                          status="sleeping", actor=facilitator)
    assert not Attendance.objects.exists()


def test_mark_all_present_keeps_existing_marks(running, facilitator, people):
    rows = [enrolled(running, p) for p in people[:4]]
    enrolled(running, people[5], "waitlisted")
    session = running.sessions.first()
    attendance_record(session=session, enrollment=rows[0], status="excused", actor=facilitator)
    assert attendance_mark_all_present(session=session, actor=facilitator) == 3
    assert attendance_mark_all_present(session=session, actor=facilitator) == 0
    marks = dict(Attendance.objects.values_list("enrollment_id", "status"))
    assert marks == {rows[0].pk: "excused", rows[1].pk: "present", rows[2].pk: "present",
                     rows[3].pk: "present"}


def soon_session(cohort, minutes_from_now):
    start = timezone.now() + timedelta(minutes=minutes_from_now)
    return Session.objects.create(cohort=cohort, title="Live", starts_at=start,
                                  ends_at=start + timedelta(minutes=90), check_in_code="LIVE42")


@pytest.mark.parametrize(
    ("minutes", "status"),
    [(14, "present"), (0, "present"), (-9, "present"), (-11, "late"), (-89, "late")],
)
def test_check_in_window_and_lateness(running, official, minutes, status):
    e = enrolled(running, official)
    session = soon_session(running, minutes)
    row = session_check_in(code=" live42 ", user=official)
    assert (row.session, row.enrollment, row.status, row.source, row.marked_by) == (
        session, e, status, "self_check_in", official)


@pytest.mark.parametrize("minutes", [16, -91])
def test_check_in_outside_window_records_nothing(running, official, minutes):
    enrolled(running, official)
    soon_session(running, minutes)
    with pytest.raises(AttendanceError) as exc:
        session_check_in(code="LIVE42", user=official)
    assert exc.value.code in ("too_early", "closed")
    assert not Attendance.objects.exists()


def test_check_in_twice_keeps_the_first(running, official):
    enrolled(running, official)
    soon_session(running, 0)
    first = session_check_in(code="LIVE42", user=official)
    second = session_check_in(code="LIVE42", user=official, now=timezone.now() + timedelta(
        minutes=30))
    assert first.pk == second.pk and second.status == "present"
    assert Attendance.objects.count() == 1


def test_check_in_not_theirs(running, official, people, facilitator):
    soon_session(running, 0)
    enrolled(running, people[0], "waitlisted")
    for person in (official, people[0], facilitator):
        with pytest.raises(AttendanceError) as exc:
            session_check_in(code="LIVE42", user=person)
        assert exc.value.code == "not_enrolled"
    assert not Attendance.objects.exists()


def test_wrong_codes_are_rate_limited(running, official):
    enrolled(running, official)
    soon_session(running, 0)
    for _ in range(5):
        with pytest.raises(AttendanceError) as exc:
            session_check_in(code="NOPE99", user=official)
        assert exc.value.code == "wrong_code"
    with pytest.raises(AttendanceError) as exc:
        session_check_in(code="LIVE42", user=official)  # even the right code now
    assert exc.value.code == "rate_limited"
    assert not Attendance.objects.exists()
