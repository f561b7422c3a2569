"""Completion progress: the one home of the attendance and eligibility arithmetic.

attended = present + late; excused sessions leave the denominator; unmarked held sessions
count as absent. A learner is eligible when their attendance meets the cohort's minimum and
every required module of the course is complete.

Every page asks the same two functions, whatever it shows:
- `enrollments_progress(enrollments)`: any enrollments, of one cohort or many (My learning,
  the facilitator dashboard, issuing certificates): four queries in all.
- `cohort_attendance(cohort)`: a roster with its marks and per-session totals (roster, grid,
  session list, certificates page, closing a cohort): five queries in all.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from courses.selectors import required_done_by_course

from .models import (
    ATTENDED_STATUSES,
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


def build_progress(cohort, enrollment_id, sessions, marks, modules, now) -> LearnerProgress:
    """One learner's progress from already loaded rows (no queries).

    `sessions`: the cohort's sessions; `marks`: {session_id: status} of this learner;
    `modules`: (required modules done, required modules in the course).
    """
    minimum = cohort.min_attendance_percent
    held = attended = late = excused = 0
    remaining = excused_all = 0
    for session in sessions:
        if session.cancelled_at is not None:
            continue  # a cancelled session counts for nothing
        status = marks.get(session.pk)
        if status == A.EXCUSED:
            excused_all += 1
        if session.starts_at <= now:
            held += 1
            if status in ATTENDED_STATUSES:
                attended += 1
                late += status == A.LATE
            elif status == A.EXCUSED:
                excused += 1
        else:
            remaining += 1
    denominator = held - excused
    # Integer comparison: no float rounding at the boundary (e.g. 3 of 4 against 75%).
    attendance_ok = denominator > 0 and attended * 100 >= minimum * denominator
    modules_done, modules_required = modules
    modules_ok = modules_done >= modules_required
    eligible = attendance_ok and modules_ok
    if cohort.status == CohortStatus.FINISHED:
        on_track = eligible
    else:
        possible = held + remaining - excused_all
        on_track = possible <= 0 or (attended + remaining) * 100 >= minimum * possible
    return LearnerProgress(
        enrollment_id=enrollment_id,
        sessions_held=held,
        attended=attended,
        late=late,
        excused=excused,
        absent=held - attended - excused,
        attendance_percent=attended * 100 / denominator if denominator > 0 else None,
        modules_done=modules_done,
        modules_required=modules_required,
        attendance_ok=attendance_ok,
        modules_ok=modules_ok,
        eligible=eligible,
        on_track=on_track,
    )


def load_marks(enrollment_ids) -> dict[int, dict[int, str]]:
    """{enrollment_id: {session_id: status}} in one query."""
    marks = defaultdict(dict)
    for enrollment_id, session_id, status in Attendance.objects.filter(
        enrollment_id__in=list(enrollment_ids)
    ).values_list("enrollment_id", "session_id", "status"):
        marks[enrollment_id][session_id] = status
    return marks


def load_sessions(cohort_ids) -> dict[int, list]:
    """{cohort_id: [session, ...]} in start order, in one query."""
    sessions = defaultdict(list)
    for session in Session.objects.filter(cohort_id__in=list(cohort_ids)).order_by(
        "starts_at", "pk"
    ):
        sessions[session.cohort_id].append(session)
    return sessions


def enrollments_progress(
    enrollments, *, now=None, sessions=None, marks=None, modules=None
) -> dict[int, LearnerProgress]:
    """{enrollment.pk: LearnerProgress} for enrollments of one or many cohorts.

    Each enrollment needs `cohort` (with `course`) loaded. Queries: sessions, marks,
    required modules, their completions (four), fewer when the caller passes what it has:
    `sessions` {cohort_id: [...]}, `marks` {enrollment_id: {...}} or `modules`
    {course_id: {user_id: (done, required)}}.
    """
    now = now or timezone.now()
    enrollments = [e for e in enrollments if e.status in SEAT_STATUSES]
    if not enrollments:
        return {}
    cohorts = {e.cohort_id: e.cohort for e in enrollments}
    if sessions is None:
        sessions = load_sessions(cohorts)
    if marks is None:
        marks = load_marks(e.pk for e in enrollments)
    if modules is None:
        courses = {c.course_id: c.course for c in cohorts.values()}
        modules = required_done_by_course({e.user_id for e in enrollments}, courses.values())
    return {
        e.pk: build_progress(
            e.cohort, e.pk, sessions.get(e.cohort_id, []), marks.get(e.pk, {}),
            modules.get(e.cohort.course_id, {}).get(e.user_id, (0, 0)), now,
        )
        for e in enrollments
    }


@dataclass
class SessionTotals:
    """One session across the seated roster."""

    held: bool
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0
    unmarked: int = 0

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def marked(self) -> int:
        return self.present + self.late + self.excused + self.absent

    @property
    def rate(self) -> int | None:
        """Attended per learner expected (unmarked counts as absent, excused does not)."""
        expected = self.marked + self.unmarked - self.excused
        return round(self.attended * 100 / expected) if self.held and expected else None


@dataclass
class CohortAttendance:
    """A cohort's seated roster with every mark, each learner's progress and per-session
    totals: what the roster, the grid, the session list and the certificates page show."""

    sessions: list
    enrollments: list
    marks: dict = field(default_factory=dict)  # {enrollment_id: {session_id: status}}
    progress: dict = field(default_factory=dict)  # {enrollment_id: LearnerProgress}
    totals: dict = field(default_factory=dict)  # {session_id: SessionTotals}

    def cells(self, enrollment):
        """[(session, status or None)] of one learner, in session order."""
        row = self.marks.get(enrollment.pk, {})
        return [(s, row.get(s.pk)) for s in self.sessions]


def seated_enrollments(cohort):
    """The cohort's enrolled and completed learners, by name (one query)."""
    return list(
        Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def cohort_attendance(cohort, enrollments=None, *, now=None) -> CohortAttendance:
    """Everything about a cohort's attendance in five queries whatever its size:
    enrollments (unless given), sessions, marks, required modules, completions."""
    now = now or timezone.now()
    if enrollments is None:
        enrollments = seated_enrollments(cohort)
    enrollments = [e for e in enrollments if e.status in SEAT_STATUSES]
    for e in enrollments:
        e.cohort = cohort
    sessions = load_sessions([cohort.pk])[cohort.pk]
    marks = load_marks(e.pk for e in enrollments) if enrollments else {}
    progress = enrollments_progress(
        enrollments, now=now, sessions={cohort.pk: sessions}, marks=marks
    )
    totals = {s.pk: SessionTotals(held=s.starts_at <= now and s.cancelled_at is None)
              for s in sessions}
    for e in enrollments:
        row = marks.get(e.pk, {})
        for s in sessions:
            status = row.get(s.pk)
            t = totals[s.pk]
            if status is None:
                t.unmarked += 1
            else:
                setattr(t, status, getattr(t, status) + 1)
    return CohortAttendance(sessions, enrollments, marks, progress, totals)
