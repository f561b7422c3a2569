"""Reads for cohort pages, My learning, the course page and the facilitator workspace
(bounded query counts whatever the number of cohorts, sessions or learners)."""

from dataclasses import dataclass

from django.db.models import Count, Q

from .models import Cohort, CohortStatus, Enrollment, EnrollmentStatus
from .progress import cohort_attendance, enrollments_progress
from .services import enrollment_admission

S = EnrollmentStatus


@dataclass
class Offer:
    """What the Enroll button says, and whether it can be pressed. The label tells the truth."""

    label: str
    can_enroll: bool
    note: str = ""


def enrollment_offer(cohort, *, seats_taken, is_facilitator=False, now=None) -> Offer:
    """Enroll, Apply, Join the waitlist, Enrollment closed or Full: what the rule
    (services.enrollment_admission) would do if the person pressed it now."""
    admission = enrollment_admission(
        cohort, seats_taken=seats_taken, is_facilitator=is_facilitator, now=now
    )
    if admission.status is None:
        label = "Full" if admission.code == "full" else "Enrollment closed"
        return Offer(label, False, admission.refusal)
    if admission.status == S.PENDING:
        note = "A facilitator reviews each application."
        if admission.full:
            note += " Every seat is taken: approved applicants join the waitlist."
        return Offer("Apply", True, note)
    if admission.status == S.WAITLISTED:
        return Offer("Join the waitlist", True, "Every seat is taken; seats that free up go "
                     "to the waitlist in order.")
    return Offer("Enroll", True)


def seats_left(cohort):
    return max(cohort.capacity - cohort.seats_taken, 0)


def upcoming_cohorts(course):
    """A course page's cohorts with seats taken and dates: one query whatever their number."""
    cohorts = list(
        Cohort.objects.filter(course=course)
        .upcoming()
        .with_seats()
        .with_dates()
        .order_by("first_starts_at", "title")
    )
    for cohort in cohorts:
        cohort.seats_left = seats_left(cohort)
        cohort.offer = enrollment_offer(cohort, seats_taken=cohort.seats_taken)
    return cohorts


MY_GROUPS = [
    ("Enrolled", [S.ENROLLED]),
    ("Awaiting approval", [S.PENDING]),
    ("On the waitlist", [S.WAITLISTED]),
    ("Completed", [S.COMPLETED]),
    ("Past and withdrawn", [S.WITHDRAWN, S.DECLINED, S.REMOVED, S.NOT_COMPLETED,
                            S.CANCELLED]),
]


def my_enrollment_groups(enrollments):
    """[(heading, [enrollment, ...]), ...] in the order My learning shows them.

    An enrollment in a finished or cancelled cohort goes under "Past and withdrawn"
    unless it was completed.
    """
    groups = {heading: [] for heading, _ in MY_GROUPS}
    for enrollment in enrollments:
        heading = next(h for h, statuses in MY_GROUPS if enrollment.status in statuses)
        if enrollment.cohort.status in (CohortStatus.FINISHED, CohortStatus.CANCELLED) and (
            enrollment.status != S.COMPLETED
        ):
            heading = "Past and withdrawn"
        groups[heading].append(enrollment)
    return [(heading, rows) for heading, rows in groups.items() if rows]


# --- the facilitator workspace --------------------------------------------------------

def facilitated_cohorts(user):
    """The cohorts `user` runs, with seats, dates, counts per status and learners at risk."""
    cohorts = list(
        Cohort.objects.managed_by(user)
        .select_related("course")
        .with_seats()
        .with_dates()
        .annotate(
            pending_count=Count("enrollments", filter=Q(enrollments__status=S.PENDING),
                                distinct=True),
            waitlist_count=Count("enrollments", filter=Q(enrollments__status=S.WAITLISTED),
                                 distinct=True),
            enrolled_count=Count("enrollments", filter=Q(enrollments__status=S.ENROLLED),
                                 distinct=True),
        )
        .order_by("status", "first_starts_at", "title")
    )
    by_pk = {c.pk: c for c in cohorts}
    enrollments = Enrollment.objects.seated().filter(cohort__in=list(by_pk)).only(
        "id", "cohort_id", "user_id", "status"
    )
    enrollments = list(enrollments)
    for e in enrollments:
        e.cohort = by_pk[e.cohort_id]
    progress = enrollments_progress(enrollments)
    for cohort in cohorts:
        cohort.seats_left = seats_left(cohort)
        cohort.at_risk = 0
    for e in enrollments:
        e.cohort.at_risk += not progress[e.pk].on_track
    return cohorts


def waitlist_positions(cohort) -> dict[int, int]:
    """{enrollment_id: 1-based waitlist position} in one query (first come, first served)."""
    ids = Enrollment.objects.waitlist().filter(cohort=cohort).values_list("pk", flat=True)
    return {pk: i for i, pk in enumerate(ids, start=1)}


ROSTER_SORTS = {
    "name": ("Name", lambda e: (e.user.last_name.lower(), e.user.first_name.lower(), e.pk)),
    "status": ("Status", lambda e: (e.status, e.user.last_name.lower())),
    "attendance": ("Attendance rate", lambda e: (
        -1 if e.progress is None or e.progress.attendance_percent is None
        else e.progress.attendance_percent, e.user.last_name.lower())),
    "modules": ("Modules completed", lambda e: (
        -1 if e.progress is None else e.progress.modules_done, e.user.last_name.lower())),
    "jurisdiction": ("Jurisdiction", lambda e: (e.user.jurisdiction_name.lower(), e.pk)),
    "state": ("State", lambda e: (e.user.state, e.user.last_name.lower())),
}


def roster(cohort, *, status="", on_track="", q="", sort="name", desc=False):
    """Enrollments of any status with `progress` (seated ones) and `waitlist_position`
    (waitlisted ones), filtered and sorted. Queries: enrollments with users, waitlist, then what
    `cohort_attendance` costs: constant whatever the number of learners."""
    rows = Enrollment.objects.filter(cohort=cohort).select_related("user")
    if status in S.values:
        rows = rows.filter(status=status)
    if q:
        for word in q.split()[:5]:
            rows = rows.filter(
                Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word)
                | Q(user__preferred_name__icontains=word) | Q(user__email__icontains=word)
            )
    rows = list(rows)
    positions = waitlist_positions(cohort) if any(e.status == S.WAITLISTED for e in rows) else {}
    progress = cohort_attendance(cohort, rows).progress
    for e in rows:
        e.progress = progress.get(e.pk)
        if e.pk in positions:
            e.waitlist_ahead = positions[e.pk] - 1  # Enrollment.waitlist_position, no query
    if on_track == "yes":
        rows = [e for e in rows if e.progress and e.progress.on_track]
    elif on_track == "no":
        rows = [e for e in rows if e.progress and not e.progress.on_track]
    rows.sort(key=ROSTER_SORTS.get(sort, ROSTER_SORTS["name"])[1], reverse=desc)
    return rows

