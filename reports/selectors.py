"""Every impact figure, from one place, in a fixed number of queries whatever the data size.

`impact_report(filters)` runs five queries (enrollments, attendance, held sessions, seats,
certificates) plus one for course titles, and groups the rows in Python. Definitions:

- The range is [start, end] in whole days of the academy's time zone.
- A *completion* is a Completed enrollment whose status changed (it was completed) in the
  range. Withdrawn, removed, declined, cancelled and not-completed enrollments are not.
  An *official trained* is a distinct person with at least one completion.
- *Officials enrolled*: distinct people who took a seat (enrolled, completed or not
  completed) by an enrollment made in the range.
- *Completion rate*: completions / enrollments that ended in the range (completed or not
  completed): people still enrolled have no outcome yet and do not lower it.
- *Hours of instruction*: session hours attended (present or late) in sessions held in the
  range and not cancelled, plus the course's credit hours (`estimated_hours`) for each
  self-paced completion (a self-paced course has no sessions).
- *Average attendance* per course: attended / (seats x sessions held - excused), the
  arithmetic of cohorts/progress.py (unmarked held sessions count as absent).
- *Certificates issued*: valid certificates (not revoked, enrollment not withdrawn) issued
  in the range.
- *States reached*: states and territories of the officials trained; *jurisdictions
  reached*: distinct (state, jurisdiction type, jurisdiction name) among them.

Partner and public views suppress counts of 1 to 4 (`suppressed`): see `SMALL_COUNT`.
"""

from __future__ import annotations

import zoneinfo
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import (
    BooleanField,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    Sum,
)
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext

from academy.choices import JurisdictionType
from certificates.models import Certificate
from cohorts.models import (
    ATTENDED_STATUSES,
    SEAT_STATUSES,
    Attendance,
    AttendanceStatus,
    Enrollment,
    EnrollmentStatus,
    Session,
)
from courses.models import CoursePage

from .labels import STATES, suppressed_label
from .rows import (  # noqa: F401 - the report's shapes, imported from here too
    CourseRow,
    Headline,
    ImpactReport,
    JurisdictionRow,
    MonthRow,
    StateRow,
)

SMALL_COUNT = 5  # partner and public views show 1..4 as "fewer than 5"
NOT_STATED = "not_stated"

OUTCOME_STATUSES = (EnrollmentStatus.COMPLETED, EnrollmentStatus.NOT_COMPLETED)


def this_year(today: date | None = None) -> tuple[date, date]:
    today = today or timezone.localdate()
    return date(today.year, 1, 1), date(today.year, 12, 31)


@dataclass(frozen=True)
class ImpactFilters:
    start: date
    end: date
    course_id: int | None = None
    organization_id: int | None = None
    cohort_status: str = ""
    state: str = ""
    # The courses a partner may see (None: every course, for staff).
    scope_course_ids: tuple[int, ...] | None = None

    def to_json(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "course_id": self.course_id,
            "organization_id": self.organization_id,
            "cohort_status": self.cohort_status,
            "state": self.state,
            "scope_course_ids": (
                list(self.scope_course_ids) if self.scope_course_ids is not None else None
            ),
        }

    @classmethod
    def from_json(cls, data: dict) -> ImpactFilters:
        scope = data.get("scope_course_ids")
        return cls(
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            course_id=data.get("course_id"),
            organization_id=data.get("organization_id"),
            cohort_status=data.get("cohort_status") or "",
            state=data.get("state") or "",
            scope_course_ids=tuple(scope) if scope is not None else None,
        )

    def bounds(self) -> tuple[datetime, datetime]:
        """[from, until) as aware datetimes: whole days in the academy's time zone."""
        tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        return (
            datetime.combine(self.start, time.min, tzinfo=tz),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=tz),
        )

    def cohort_q(self, prefix: str) -> Q:
        """The course, partner and cohort-status filters on a path to a Cohort."""
        q = Q()
        if self.scope_course_ids is not None:
            q &= Q(**{f"{prefix}course_id__in": self.scope_course_ids})
        if self.course_id:
            q &= Q(**{f"{prefix}course_id": self.course_id})
        if self.organization_id:
            q &= Q(**{f"{prefix}course__co_authors": self.organization_id})
        if self.cohort_status:
            q &= Q(**{f"{prefix}status": self.cohort_status})
        return q

    def user_q(self, prefix: str) -> Q:
        return Q(**{f"{prefix}state": self.state}) if self.state else Q()


def _hours(duration) -> Decimal:
    if not duration:
        return Decimal(0)
    if isinstance(duration, timedelta):
        seconds = duration.total_seconds()
    else:  # some backends answer a sum of durations in microseconds
        seconds = int(duration) / 1_000_000
    return (Decimal(str(seconds)) / 3600).quantize(Decimal("0.1"))


def _months(start: date, end: date) -> list[date]:
    months, month = [], date(start.year, start.month, 1)
    while month <= end:
        months.append(month)
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return months


def impact_report(filters: ImpactFilters, *, now: datetime | None = None) -> ImpactReport:
    """Every figure of the impact report for `filters` (six queries, whatever the size)."""
    now = now or timezone.now()
    since, until = filters.bounds()
    held_until = min(until, now)
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)

    # 1. Enrollments that took a seat and began, or ended, in the range. The database
    # answers "began", "ended" and the month (in the academy's zone) so that no timestamp
    # crosses the wire: loading 20,000 of them costs more than the query.
    in_range = Q(created_at__gte=since, created_at__lt=until)
    ended_in_range = Q(
        status__in=OUTCOME_STATUSES, status_changed_at__gte=since, status_changed_at__lt=until
    )
    enrollments = list(
        Enrollment.objects.filter(status__in=SEAT_STATUSES)
        .filter(filters.cohort_q("cohort__"), filters.user_q("user__"))
        .filter(in_range | ended_in_range)
        .order_by()
        .annotate(
            began=ExpressionWrapper(in_range, output_field=BooleanField()),
            ended=ExpressionWrapper(ended_in_range, output_field=BooleanField()),
            year=ExtractYear("status_changed_at", tzinfo=tz),
            month=ExtractMonth("status_changed_at", tzinfo=tz),
        )
        .values_list(
            "user_id", "status", "began", "ended", "year", "month", "cohort_id",
            "cohort__course_id", "cohort__self_paced", "user__state",
            "user__jurisdiction_type", "user__jurisdiction_name",
        )
    )
    # 2. Attendance in sessions held in the range, per cohort.
    duration = ExpressionWrapper(
        F("session__ends_at") - F("session__starts_at"), output_field=DurationField()
    )
    attendance = list(
        Attendance.objects.filter(
            session__cancelled_at__isnull=True,
            session__starts_at__gte=since,
            session__starts_at__lt=held_until,
            enrollment__status__in=SEAT_STATUSES,
        )
        .filter(filters.cohort_q("session__cohort__"), filters.user_q("enrollment__user__"))
        .order_by()
        .values("session__cohort_id", "session__cohort__course_id")
        .annotate(
            attended=Count("pk", filter=Q(status__in=ATTENDED_STATUSES)),
            excused=Count("pk", filter=Q(status=AttendanceStatus.EXCUSED)),
            seconds=Sum(duration, filter=Q(status__in=ATTENDED_STATUSES)),
        )
    )
    # 3. Sessions held in the range, per cohort.
    held = list(
        Session.objects.active()
        .filter(starts_at__gte=since, starts_at__lt=held_until)
        .filter(filters.cohort_q("cohort__"))
        .order_by()
        .values("cohort_id", "cohort__course_id")
        .annotate(n=Count("pk"))
    )
    # 4. Seats of those cohorts (everyone seated, whenever they enrolled).
    held_cohorts = [row["cohort_id"] for row in held]
    seats = dict(
        Enrollment.objects.filter(cohort_id__in=held_cohorts, status__in=SEAT_STATUSES)
        .filter(filters.user_q("user__"))
        .order_by()
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values_list("cohort_id", "n")
    ) if held_cohorts else {}
    # 5. Valid certificates issued in the range, per course.
    certificates = dict(
        Certificate.objects.valid()
        .filter(issued_on__gte=filters.start, issued_on__lte=filters.end)
        .filter(filters.cohort_q("enrollment__cohort__"), filters.user_q("enrollment__user__"))
        .order_by()
        .values("enrollment__cohort__course_id")
        .annotate(n=Count("pk"))
        .values_list("enrollment__cohort__course_id", "n")
    )

    course_ids = (
        {row[7] for row in enrollments}
        | {row["session__cohort__course_id"] for row in attendance}
        | {row["cohort__course_id"] for row in held}
        | set(certificates)
    )
    # 6. The courses' titles and credit hours.
    courses = {
        c["pk"]: c
        for c in CoursePage.objects.filter(pk__in=course_ids)
        .order_by()
        .values("pk", "title", "estimated_hours")
    } if course_ids else {}
    rows = {
        pk: CourseRow(course_id=pk, title=courses[pk]["title"]) for pk in courses
    }

    headline = Headline()
    trained: dict[int, tuple] = {}  # user -> (state, type, name)
    enrolled_users: set[int] = set()
    enrolled_by_course: dict[int, set[int]] = defaultdict(set)
    cohorts_by_course: dict[int, set[int]] = defaultdict(set)
    completions_by_state: Counter = Counter()
    completions_by_month: Counter = Counter()
    for (user_id, status, began, ended, year, month, cohort_id, course_id, self_paced,
         state, jtype, jname) in enrollments:
        row = rows[course_id]
        cohorts_by_course[course_id].add(cohort_id)
        if began:
            enrolled_users.add(user_id)
            enrolled_by_course[course_id].add(user_id)
        if ended:
            headline.outcomes += 1
            row.outcomes += 1
            if status == EnrollmentStatus.COMPLETED:
                headline.completions += 1
                row.completed += 1
                trained[user_id] = (state, jtype, (jname or "").strip().lower())
                completions_by_state[state] += 1
                completions_by_month[date(year, month, 1)] += 1
                if self_paced:
                    credit = courses[course_id]["estimated_hours"] or Decimal(0)
                    row.hours += Decimal(credit)

    for item in attendance:
        row = rows[item["session__cohort__course_id"]]
        row.hours += _hours(item["seconds"])
        row.attended += item["attended"]
        row.expected -= item["excused"]
    for item in held:
        row = rows[item["cohort__course_id"]]
        cohorts_by_course[item["cohort__course_id"]].add(item["cohort_id"])
        row.expected += item["n"] * seats.get(item["cohort_id"], 0)
    headline.certificates = sum(certificates.values())

    for course_id, row in rows.items():
        row.cohorts = len(cohorts_by_course[course_id])
        row.enrolled = len(enrolled_by_course[course_id])
        headline.hours += row.hours

    headline.officials_trained = len(trained)
    headline.officials_enrolled = len(enrolled_users)
    headline.states_reached = len({state for state, _, _ in trained.values() if state})
    headline.jurisdictions_reached = len(
        {(s, t, n) for s, t, n in trained.values() if n}
    )

    trained_by_state = Counter(state for state, _, _ in trained.values())
    states = [
        StateRow(code=code, name=str(name), trained=trained_by_state[code],
                 completions=completions_by_state[code])
        for code, name in STATES
    ]
    trained_by_type = Counter(jtype or NOT_STATED for _, jtype, _ in trained.values())
    jurisdictions = [
        JurisdictionRow(code=value, label=str(label), trained=trained_by_type[value])
        for value, label in JurisdictionType.choices
    ]
    if trained_by_type[NOT_STATED]:
        jurisdictions.append(
            JurisdictionRow(code=NOT_STATED, label=gettext("Not stated"),
                            trained=trained_by_type[NOT_STATED])
        )
    months = [
        MonthRow(month=m, completions=completions_by_month[m])
        for m in _months(filters.start, filters.end)
    ]
    return ImpactReport(
        filters=filters,
        headline=headline,
        states=states,
        jurisdictions=jurisdictions,
        courses=sorted(rows.values(), key=lambda r: r.title.lower()),
        months=months,
    )


def suppressed(value: int, *, suppress: bool) -> int | str:
    """A count as partners and the public see it: 1 to 4 become "fewer than 5"."""
    if suppress and 0 < value < SMALL_COUNT:
        return suppressed_label()
    return value


def partner_course_ids(user) -> tuple[int, ...]:
    """The courses a partner author's organisation co-authors (what their report covers)."""
    return tuple(
        CoursePage.objects.filter(co_authors=user.organization_id)
        .order_by("pk").values_list("pk", flat=True)
    )
