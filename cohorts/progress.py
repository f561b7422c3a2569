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

from django.db.models import Count, Q
from django.utils import timezone

from courses.selectors import required_done_by_course

from .models import (
    ATTENDED_STATUSES,
    SEAT_STATUSES,
    Attendance,
    AttendanceStatus,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
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


@dataclass(frozen=True)
class MarkCounts:
    """One learner's marks, counted (what progress needs; no per-session detail)."""

    attended: int = 0  # present + late, in held sessions
    late: int = 0  # in held sessions
    excused: int = 0  # in held sessions
    excused_all: int = 0  # in any session that is not cancelled (held or to come)


@dataclass(frozen=True)
class SessionCounts:
    """A cohort's sessions as progress sees them: held and still to come (cancelled ones
    count for nothing)."""

    held: int
    remaining: int

    @classmethod
    def of(cls, sessions, now):
        live = [s for s in sessions if s.cancelled_at is None]
        held = sum(s.starts_at <= now for s in live)
        return cls(held=held, remaining=len(live) - held)


def could_still_attend_enough(cohort, sessions: SessionCounts, marks: MarkCounts) -> bool:
    """A learner of a cohort that has not finished is on track when attending every session
    still to come would bring them to the cohort's minimum (modules can still be done)."""
    possible = sessions.held + sessions.remaining - marks.excused_all
    return possible <= 0 or (
        (marks.attended + sessions.remaining) * 100 >= cohort.min_attendance_percent * possible
    )


def build_progress(cohort, enrollment_id, sessions: SessionCounts, marks: MarkCounts,
                   modules) -> LearnerProgress:
    """One learner's progress from counts (no queries).

    `modules`: (required modules done, required modules in the course).
    """
    minimum = cohort.min_attendance_percent
    held, attended, excused = sessions.held, marks.attended, marks.excused
    denominator = held - excused
    # Integer comparison: no float rounding at the boundary (e.g. 3 of 4 against 75%).
    attendance_ok = denominator > 0 and attended * 100 >= minimum * denominator
    modules_done, modules_required = modules
    modules_ok = modules_done >= modules_required
    eligible = attendance_ok and modules_ok
    if cohort.status == CohortStatus.FINISHED:
        on_track = eligible
    else:
        on_track = could_still_attend_enough(cohort, sessions, marks)
    return LearnerProgress(
        enrollment_id=enrollment_id,
        sessions_held=held,
        attended=attended,
        late=marks.late,
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


def load_counts(enrollment_ids, now, cohort_ids=None) -> dict[int, MarkCounts]:
    """{enrollment_id: MarkCounts}, counted by the database in one query (one row per
    learner, not one per mark). With `cohort_ids`, every seated learner of those cohorts
    (found through their sessions: far quicker than a long list of ids)."""
    held = Q(session__starts_at__lte=now, session__cancelled_at__isnull=True)
    marks = (Attendance.objects.filter(session__cohort_id__in=list(cohort_ids),
                                       enrollment__status__in=SEAT_STATUSES)
             if cohort_ids else Attendance.objects.filter(enrollment_id__in=list(enrollment_ids)))
    rows = (
        marks
        .values("enrollment_id")
        .annotate(
            attended=Count("pk", filter=held & Q(status__in=ATTENDED_STATUSES)),
            late=Count("pk", filter=held & Q(status=A.LATE)),
            excused=Count("pk", filter=held & Q(status=A.EXCUSED)),
            excused_all=Count("pk", filter=Q(status=A.EXCUSED,
                                             session__cancelled_at__isnull=True)),
        )
        .order_by()
    )
    return {
        row[0]: MarkCounts(*row[1:])
        for row in rows.values_list("enrollment_id", "attended", "late", "excused",
                                    "excused_all")
    }


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


def load_session_counts(cohort_ids, now) -> dict[int, SessionCounts]:
    """{cohort_id: SessionCounts}, counted by the database in one query (one row per
    cohort, no session loaded). Cohorts without a live session count none."""
    live = Q(cancelled_at__isnull=True)
    rows = (
        Session.objects.filter(cohort_id__in=list(cohort_ids)).values_list("cohort_id")
        .annotate(held=Count("pk", filter=live & Q(starts_at__lte=now)),
                  remaining=Count("pk", filter=live & Q(starts_at__gt=now)))
        .order_by()
    )
    counts = {pk: SessionCounts(held, remaining) for pk, held, remaining in rows}
    return {pk: counts.get(pk, SessionCounts(0, 0)) for pk in cohort_ids}


def enrollments_progress(
    enrollments, *, now=None, sessions=None, counts=None, modules=None, whole_cohorts=False
) -> dict[int, LearnerProgress]:
    """{enrollment.pk: LearnerProgress} for enrollments of one or many cohorts.

    Each enrollment needs `cohort` (with `course`) loaded. Queries: sessions, counted marks,
    required modules, their completions (four), fewer when the caller passes what it has:
    `sessions` {cohort_id: [...]}, `counts` {enrollment_id: MarkCounts} or `modules`
    {course_id: {user_id: (done, required)}}. `whole_cohorts`: the enrollments are every
    seated learner of their cohorts (marks are then found through the cohorts).
    """
    now = now or timezone.now()
    enrollments = [e for e in enrollments if e.status in SEAT_STATUSES]
    if not enrollments:
        return {}
    cohorts = {e.cohort_id: e.cohort for e in enrollments}
    if sessions is None:
        by_cohort = load_session_counts(cohorts, now)
    else:
        by_cohort = {pk: SessionCounts.of(sessions.get(pk, []), now) for pk in cohorts}
    if counts is None:
        counts = load_counts((e.pk for e in enrollments), now,
                             cohort_ids=list(cohorts) if whole_cohorts else None)
    if modules is None:
        courses = {c.course_id: c.course for c in cohorts.values()}
        among = (Enrollment.objects.filter(cohort_id__in=list(cohorts),
                                           status__in=SEAT_STATUSES).values("user_id")
                 if whole_cohorts else None)
        modules = required_done_by_course({e.user_id for e in enrollments}, courses.values(),
                                          among)
    none = MarkCounts()
    return {
        e.pk: build_progress(
            e.cohort, e.pk, by_cohort[e.cohort_id], counts.get(e.pk, none),
            modules.get(e.cohort.course_id, {}).get(e.user_id, (0, 0)),
        )
        for e in enrollments
    }


def learners_at_risk(cohorts, *, now=None) -> dict[int, int]:
    """{cohort_id: enrolled learners not on track} for cohorts that have not finished (the
    facilitator dashboard), without building each learner's progress: on track there is a
    matter of attendance alone (`could_still_attend_enough`). Three queries in all: the
    sessions, the marks counted per learner, the enrolled learners' ids."""
    now = now or timezone.now()
    by_pk = {c.pk: c for c in cohorts if c.status != CohortStatus.FINISHED}
    if not by_pk:
        return {}
    by_cohort = load_session_counts(by_pk, now)
    counts = load_counts((), now, cohort_ids=list(by_pk))
    none = MarkCounts()
    at_risk = dict.fromkeys(by_pk, 0)
    for pk, cohort_id in Enrollment.objects.filter(
        cohort_id__in=list(by_pk), status=EnrollmentStatus.ENROLLED
    ).values_list("pk", "cohort_id").order_by():
        if not could_still_attend_enough(by_pk[cohort_id], by_cohort[cohort_id],
                                         counts.get(pk, none)):
            at_risk[cohort_id] += 1
    return at_risk


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
    """A cohort's seated roster with each learner's progress and per-session totals (what
    the roster, grid, session list, close and certificates pages show); `marks` per cell
    only for the learners asked for (a page of the grid)."""

    sessions: list
    enrollments: list
    progress: dict = field(default_factory=dict)  # {enrollment_id: LearnerProgress}
    totals: dict = field(default_factory=dict)  # {session_id: SessionTotals}
    marks: dict = field(default_factory=dict)  # {enrollment_id: {session_id: status}}

    def cells(self, enrollment):
        """[(session, status or None)] of one learner, in session order."""
        row = self.marks.get(enrollment.pk, {})
        return [(s, row.get(s.pk)) for s in self.sessions]


ROSTER_FIELDS = (
    "id", "cohort_id", "user_id", "status", "created_at", "status_changed_at",
    "waitlisted_at", "accessibility_needs", "hopes", "share_name", "decision_message",
    "user__id", "user__email", "user__first_name", "user__last_name", "user__preferred_name",
    "user__pronouns", "user__office_title", "user__jurisdiction_name",
    "user__jurisdiction_type", "user__state", "user__time_zone", "user__certificate_name",
)


@dataclass
class Seat:
    """A seated learner as progress needs them: no user, no text (cheap in hundreds)."""

    pk: int
    user_id: int
    status: str
    cohort_id: int
    cohort: object = None


BY_NAME = ("user__last_name", "user__first_name", "pk")


def seats(cohort, *, by_name=False) -> list[Seat]:
    """The cohort's seated learners, light (no user, no text); `by_name`: in the order the
    pages list people."""
    seated = Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES)
    if by_name:
        seated = seated.order_by(*BY_NAME)
    return [Seat(pk, user_id, status, cohort.pk, cohort) for pk, user_id, status in
            seated.values_list("pk", "user_id", "status")]


def seated_enrollments(cohort, *, ids=None):
    """The cohort's seated learners (or those of them in `ids`), by name, with the user
    fields pages show (one query)."""
    seated = Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES)
    if ids is not None:
        seated = seated.filter(pk__in=list(ids))
    return list(seated.select_related("user").only(*ROSTER_FIELDS).order_by(*BY_NAME))


def session_totals(cohort, sessions, seated: int, now) -> dict:
    """{session_id: SessionTotals} over the seated roster, counted in one query."""
    totals = {s.pk: SessionTotals(held=s.starts_at <= now and s.cancelled_at is None,
                                  unmarked=seated) for s in sessions}
    rows = (
        Attendance.objects.filter(session__cohort_id=cohort.pk,
                                  enrollment__status__in=SEAT_STATUSES)
        .values("session_id", "status").annotate(n=Count("pk")).order_by()
    )
    for row in rows:
        t = totals[row["session_id"]]
        setattr(t, row["status"], row["n"])
        t.unmarked -= row["n"]
    return totals


def cohort_attendance(cohort, enrollments=None, *, now=None, marks_for=()) -> CohortAttendance:
    """Everything about a cohort's attendance in a constant number of queries whatever its
    size: enrollments (unless given), sessions, counted marks, per-session totals, required
    modules and completions; plus the marks of `marks_for` (enrollments, e.g. a grid page)."""
    now = now or timezone.now()
    whole = enrollments is None
    if whole:
        enrollments = seats(cohort)
    enrollments = [e for e in enrollments if e.status in SEAT_STATUSES]
    for e in enrollments:
        e.cohort = cohort
    sessions = load_sessions([cohort.pk])[cohort.pk]
    progress = enrollments_progress(enrollments, now=now, sessions={cohort.pk: sessions},
                                    whole_cohorts=whole or len(enrollments) > 100)
    totals = session_totals(cohort, sessions, len(enrollments), now) if sessions else {}
    marks = load_marks(e.pk for e in marks_for) if marks_for else {}
    return CohortAttendance(sessions, enrollments, progress, totals, marks)
