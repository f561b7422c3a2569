"""Reads for hours and transcripts: the one place hours attended are counted.

`attended_hours` is the rule the certificate snapshot, the transcript and the state
requirements all use: the durations of the (not cancelled) sessions a learner attended
(present or late), or, for a self-paced course, the course's credit hours once the
learner completed it. `completed_courses` is an official's record of completed courses
(the transcript's rows and the requirements' training records), in a fixed number of
queries whatever their number.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DurationField, ExpressionWrapper, F, Max, Min, OuterRef, Subquery, Sum
from django.utils import timezone

from cohorts.models import Attendance, Enrollment, EnrollmentStatus, Session
from cohorts.models.choices import ATTENDED_STATUSES

ACADEMY_PROVIDER = "Progressive Governance Academy"
TENTH = Decimal("0.1")


def _as_hours(duration: timedelta | None) -> Decimal:
    if not duration:
        return Decimal("0.0")
    seconds = Decimal(duration.days * 86400 + duration.seconds)
    return (seconds / 3600).quantize(TENTH, rounding=ROUND_HALF_UP)


def attended_hours(enrollments) -> dict[int, Decimal]:
    """Hours attended per enrollment pk (one query for the live cohorts' sessions).

    `enrollments` carry `cohort.self_paced`, `cohort.course.estimated_hours` and `status`
    (select_related). A self-paced course counts its credit hours once completed; a live
    cohort the length of each session attended, cancelled sessions never."""
    live = [e.pk for e in enrollments if not e.cohort.self_paced]
    totals = {}
    if live:
        length = ExpressionWrapper(
            F("session__ends_at") - F("session__starts_at"), output_field=DurationField()
        )
        totals = dict(
            Attendance.objects.filter(
                enrollment_id__in=live,
                status__in=ATTENDED_STATUSES,
                session__cancelled_at__isnull=True,
            )
            .order_by()
            .values("enrollment_id")
            .annotate(total=Sum(length))
            .values_list("enrollment_id", "total")
        )
    result = {}
    for enrollment in enrollments:
        if enrollment.cohort.self_paced:
            done = enrollment.status == EnrollmentStatus.COMPLETED
            result[enrollment.pk] = enrollment.cohort.course.estimated_hours if done else Decimal(0)
        else:
            result[enrollment.pk] = _as_hours(totals.get(enrollment.pk))
    return result


@dataclass
class CompletedCourse:
    """One row of an official's transcript (and one training record for requirements)."""

    enrollment_id: int
    user_id: int
    course_title: str
    course_url: str
    cohort_title: str
    self_paced: bool
    start_date: date | None
    completed_on: date
    completed_at: datetime  # aware, in the cohort's time zone
    hours_attended: Decimal
    credit_hours: Decimal
    topics: tuple[str, ...]
    counts_toward: tuple[str, ...]
    providers: tuple[str, ...]
    certificate_code: str | None = None
    certificate_id: int | None = None
    extra: dict = field(default_factory=dict)


def completed_courses(user_ids) -> dict[int, list[CompletedCourse]]:
    """Every completed course of each user, oldest first, in three queries whatever their
    number: enrollments with their sessions' dates and certificates, attendance sums and
    co-authors."""
    sessions = Session.objects.active().filter(cohort=OuterRef("cohort_id")).order_by()
    enrollments = list(
        Enrollment.objects.filter(user_id__in=list(user_ids), status=EnrollmentStatus.COMPLETED)
        .select_related("cohort__course", "certificate")
        .annotate(
            first_start=Subquery(
                sessions.values("cohort").annotate(m=Min("starts_at")).values("m")[:1]
            ),
            last_end=Subquery(
                sessions.values("cohort").annotate(m=Max("ends_at")).values("m")[:1]
            ),
        )
        .prefetch_related("cohort__course__co_authors")
        .order_by("user_id", "status_changed_at", "pk")
    )
    hours = attended_hours(enrollments)
    rows = defaultdict(list)
    for e in enrollments:
        cohort, course = e.cohort, e.cohort.course
        tz = cohort.tzinfo
        if cohort.self_paced or e.last_end is None:
            start, end = e.created_at, e.status_changed_at
        else:
            start, end = e.first_start, min(e.last_end, e.status_changed_at)
        certificate = getattr(e, "certificate", None)
        if certificate is not None and certificate.revoked_at is not None:
            certificate = None
        rows[e.user_id].append(
            CompletedCourse(
                enrollment_id=e.pk,
                user_id=e.user_id,
                course_title=course.title,
                course_url=course.get_url() or "",
                cohort_title="Self-paced" if cohort.self_paced else cohort.title,
                self_paced=cohort.self_paced,
                start_date=timezone.localtime(start, tz).date() if start else None,
                completed_on=timezone.localtime(end, tz).date(),
                completed_at=timezone.localtime(end, tz),
                hours_attended=hours[e.pk],
                credit_hours=course.estimated_hours,
                topics=tuple(course.training_topics or ()),
                counts_toward=tuple(course.counts_toward or ()),
                providers=(ACADEMY_PROVIDER, *(o.name for o in course.co_authors.all())),
                certificate_code=certificate.code if certificate else None,
                certificate_id=certificate.pk if certificate else None,
            )
        )
    for user_rows in rows.values():
        user_rows.sort(key=lambda r: (r.completed_on, r.enrollment_id))
    return rows


def activity_span(enrollment) -> list[tuple]:
    """[(start, end), ...] of what the learner took part in (aware datetimes)."""
    cohort = enrollment.cohort
    if cohort.self_paced:  # from starting the course to completing it
        return [(enrollment.created_at, enrollment.status_changed_at)]
    return list(Session.objects.active().filter(cohort=cohort).order_by("starts_at")
                .values_list("starts_at", "ends_at"))
