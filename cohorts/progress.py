"""Completion progress: attendance and required modules, for one learner or a whole roster.

attended = present + late; excused sessions leave the denominator; unmarked held sessions
count as absent. A learner is eligible when their attendance meets the cohort's minimum and
every required module of the course is complete. `roster_progress` costs the same few
queries (sessions, enrollments unless given, attendance marks, required modules and their
completions) whatever the number of learners.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from courses.selectors import required_modules_done

from .models import (
    SEAT_STATUSES,
    Attendance,
    AttendanceStatus,
    CohortStatus,
    Enrollment,
    Session,
)

A = AttendanceStatus


@dataclass(frozen=True)
class LearnerProgress:
    enrollment_id: int
    sessions_held: int  # sessions of the cohort whose start is in the past
    attended: int  # present + late
    late: int
    excused: int
    absent: int  # held, not attended, not excused (unmarked counts as absent)
    attendance_percent: float | None  # attended / (held - excused) * 100; None when 0 / 0
    modules_done: int  # required modules of the cohort's course completed
    modules_required: int
    attendance_ok: bool
    modules_ok: bool
    eligible: bool
    on_track: bool  # could still reach the minimum (finished cohorts: == eligible)

    @property
    def attendance_display(self) -> str:
        if self.attendance_percent is None:
            return "–"
        return f"{round(self.attendance_percent)}%"


def build_progress(
    cohort, enrollment_id, sessions, marks, modules_done, modules_required, now
) -> LearnerProgress:
    """One learner's progress from already loaded rows (no queries).

    `sessions`: the cohort's sessions; `marks`: {session_id: status} of this learner.
    """
    minimum = cohort.min_attendance_percent
    held = attended = late = excused = 0
    remaining = excused_all = 0
    for session in sessions:
        status = marks.get(session.pk)
        if status == A.EXCUSED:
            excused_all += 1
        if session.starts_at <= now:
            held += 1
            if status in (A.PRESENT, A.LATE):
                attended += 1
                late += status == A.LATE
            elif status == A.EXCUSED:
                excused += 1
        else:
            remaining += 1
    absent = held - attended - excused
    denominator = held - excused
    percent = attended * 100 / denominator if denominator > 0 else None
    # Integer comparison: no float rounding at the boundary (e.g. 3 of 4 against 75%).
    attendance_ok = denominator > 0 and attended * 100 >= minimum * denominator
    modules_ok = modules_done >= modules_required
    eligible = attendance_ok and modules_ok
    if cohort.status == CohortStatus.FINISHED:
        on_track = eligible
    else:
        possible = len(sessions) - excused_all
        on_track = possible <= 0 or (attended + remaining) * 100 >= minimum * possible
    return LearnerProgress(
        enrollment_id=enrollment_id,
        sessions_held=held,
        attended=attended,
        late=late,
        excused=excused,
        absent=absent,
        attendance_percent=percent,
        modules_done=modules_done,
        modules_required=modules_required,
        attendance_ok=attendance_ok,
        modules_ok=modules_ok,
        eligible=eligible,
        on_track=on_track,
    )


def marks_by_enrollment(cohort, enrollment_ids) -> dict[int, dict[int, str]]:
    """{enrollment_id: {session_id: status}} in one query."""
    marks = defaultdict(dict)
    rows = Attendance.objects.filter(
        session__cohort=cohort, enrollment_id__in=list(enrollment_ids)
    ).values_list("enrollment_id", "session_id", "status")
    for enrollment_id, session_id, status in rows:
        marks[enrollment_id][session_id] = status
    return marks


def roster_progress(
    cohort, enrollments=None, *, sessions=None, now=None
) -> dict[int, LearnerProgress]:
    """{enrollment.pk: LearnerProgress} for a roster in a constant number of queries.

    Default roster: the cohort's enrolled and completed learners. Pass `sessions` (the
    cohort's sessions, already loaded) to save a query.
    """
    now = now or timezone.now()
    if enrollments is None:
        enrollments = Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES)
    enrollments = list(enrollments)
    if not enrollments:
        return {}
    if sessions is None:
        sessions = list(Session.objects.filter(cohort=cohort).only("id", "starts_at"))
    marks = marks_by_enrollment(cohort, [e.pk for e in enrollments])
    modules = required_modules_done({e.user_id for e in enrollments}, cohort.course)
    return {
        e.pk: build_progress(
            cohort, e.pk, sessions, marks.get(e.pk, {}), *modules[e.user_id], now
        )
        for e in enrollments
    }


def enrollment_progress(enrollment) -> LearnerProgress:
    return roster_progress(enrollment.cohort, [enrollment])[enrollment.pk]


def my_progress(enrollments, course_progress, *, now=None) -> dict[int, LearnerProgress]:
    """Progress of one learner's enrollments across cohorts, in two queries.

    `course_progress`: {course.pk: CourseProgress} the caller already has (My learning).
    """
    now = now or timezone.now()
    enrollments = [e for e in enrollments if e.status in SEAT_STATUSES]
    if not enrollments:
        return {}
    cohort_ids = {e.cohort_id for e in enrollments}
    sessions = defaultdict(list)
    for session in Session.objects.filter(cohort_id__in=cohort_ids).only(
        "id", "cohort_id", "starts_at"
    ):
        sessions[session.cohort_id].append(session)
    marks = defaultdict(dict)
    for enrollment_id, session_id, status in Attendance.objects.filter(
        enrollment__in=[e.pk for e in enrollments]
    ).values_list("enrollment_id", "session_id", "status"):
        marks[enrollment_id][session_id] = status
    result = {}
    for e in enrollments:
        course = course_progress.get(e.cohort.course_id)
        done, required = (course.required_done, course.required_total) if course else (0, 0)
        result[e.pk] = build_progress(
            e.cohort, e.pk, sessions[e.cohort_id], marks[e.pk], done, required, now
        )
    return result


def at_risk_counts(cohorts, *, now=None) -> dict[int, int]:
    """{cohort.pk: learners not on track} for many cohorts: three queries plus two per
    course (required modules and their completions), not per learner."""
    now = now or timezone.now()
    cohorts = list(cohorts)
    if not cohorts:
        return {}
    by_pk = {c.pk: c for c in cohorts}
    sessions = defaultdict(list)
    for session in Session.objects.filter(cohort__in=list(by_pk)).only(
        "id", "cohort_id", "starts_at"
    ):
        sessions[session.cohort_id].append(session)
    enrollments = list(
        Enrollment.objects.filter(cohort__in=list(by_pk), status__in=SEAT_STATUSES).only(
            "id", "cohort_id", "user_id"
        )
    )
    marks = defaultdict(dict)
    for enrollment_id, session_id, status in Attendance.objects.filter(
        enrollment__in=[e.pk for e in enrollments]
    ).values_list("enrollment_id", "session_id", "status"):
        marks[enrollment_id][session_id] = status
    users_by_course = defaultdict(set)
    for e in enrollments:
        users_by_course[by_pk[e.cohort_id].course_id].add(e.user_id)
    courses = {c.course_id: c.course for c in cohorts}
    modules = {
        course_id: required_modules_done(user_ids, courses[course_id])
        for course_id, user_ids in users_by_course.items()
    }
    counts = defaultdict(int)
    for e in enrollments:
        cohort = by_pk[e.cohort_id]
        done, required = modules[cohort.course_id][e.user_id]
        p = build_progress(cohort, e.pk, sessions[e.cohort_id], marks[e.pk], done, required,
                           now)
        counts[e.cohort_id] += not p.on_track
    return dict(counts)
