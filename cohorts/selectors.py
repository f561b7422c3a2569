"""Reads for cohort pages, My learning, the course page and the facilitator workspace
(bounded query counts whatever the number of cohorts, sessions or learners)."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .models import Cohort, CohortStatus, Enrollment, EnrollmentStatus
from .progress import (
    ROSTER_FIELDS,
    enrollments_progress,
    learners_at_risk,
    seats,
)
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
        label = _("Full") if admission.code == "full" else _("Enrollment closed")
        return Offer(label, False, admission.refusal)
    if admission.status == S.PENDING:
        note = _("A facilitator reviews each application.")
        if admission.full:
            note += " " + _("Every seat is taken: approved applicants join the waitlist.")
        return Offer(_("Apply"), True, note)
    if admission.status == S.WAITLISTED:
        return Offer(_("Join the waitlist"), True, _("Every seat is taken; seats that free up "
                                                     "go to the waitlist in order."))
    return Offer(_("Enroll"), True)


def seats_left(cohort):
    return max(cohort.capacity - cohort.seats_taken, 0)


def upcoming_cohorts(course):
    """A course page's cohorts with seats taken and dates: one query whatever their number."""
    cohorts = list(
        Cohort.objects.of_course(course)
        .upcoming()
        .with_seats()
        .with_dates()
        .order_by("first_starts_at", "title")
    )
    for cohort in cohorts:
        cohort.seats_left = seats_left(cohort)
        cohort.offer = enrollment_offer(cohort, seats_taken=cohort.seats_taken)
    return cohorts


PAST = pgettext_lazy("my learning group", "Past and withdrawn")
MY_GROUPS = [
    (pgettext_lazy("my learning group", "Enrolled"), [S.ENROLLED]),
    (pgettext_lazy("my learning group", "Awaiting approval"), [S.PENDING]),
    (pgettext_lazy("my learning group", "On the waitlist"), [S.WAITLISTED]),
    (pgettext_lazy("my learning group", "Completed"), [S.COMPLETED]),
    (PAST, [S.WITHDRAWN, S.DECLINED, S.REMOVED, S.NOT_COMPLETED, S.CANCELLED]),
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
            heading = PAST
        groups[heading].append(enrollment)
    return [(heading, rows) for heading, rows in groups.items() if rows]


# --- the facilitator workspace --------------------------------------------------------

RUNNING = (CohortStatus.OPEN, CohortStatus.IN_PROGRESS)


def cohort_summaries(cohorts, order=()):
    """The dashboard's row for each cohort: seats, counts per status, dates and, for
    running cohorts only, learners at risk. Queries: the cohorts with their dates, one count
    per status, then `learners_at_risk` (three) for the running ones; not per cohort."""
    cohorts = list(
        cohorts.select_related("course").with_dates().order_by(*order)
        .only("id", "slug", "title", "status", "capacity", "time_zone", "self_paced",
              "min_attendance_percent", "course__id", "course__title", "course__path",
              "course__depth", "course__url_path")
    )
    by_pk = {c.pk: c for c in cohorts}
    counts = {}
    for cohort_id, status, n in (
        Enrollment.objects.filter(cohort__in=list(by_pk)).values_list("cohort_id", "status")
        .annotate(n=Count("pk")).order_by()
    ):
        counts.setdefault(cohort_id, {})[status] = n
    at_risk = learners_at_risk([c for c in cohorts if c.status in RUNNING])
    for cohort in cohorts:
        c = counts.get(cohort.pk, {})
        cohort.pending_count, cohort.waitlist_count = c.get(S.PENDING, 0), c.get(S.WAITLISTED, 0)
        cohort.enrolled_count = c.get(S.ENROLLED, 0)
        cohort.completed_count = c.get(S.COMPLETED, 0)
        cohort.seats_taken = cohort.enrolled_count + cohort.completed_count
        cohort.seats_left = seats_left(cohort)
        cohort.at_risk = at_risk.get(cohort.pk) if cohort.status in RUNNING else None
    return cohorts


def waitlist_positions(cohort) -> dict[int, int]:
    """{enrollment_id: 1-based waitlist position} in one query (first come, first served)."""
    ids = Enrollment.objects.waitlist().filter(cohort=cohort).values_list("pk", flat=True)
    return {pk: i for i, pk in enumerate(ids, start=1)}


# Sorts the database does (on the people), and sorts by progress (in Python, on ids).
ROSTER_SORTS = {
    "name": (gettext_lazy("Name"), ("user__last_name", "user__first_name", "pk")),
    "status": (gettext_lazy("Status"), ("status", "user__last_name", "pk")),
    "attendance": (gettext_lazy("Attendance rate"), None),
    "modules": (gettext_lazy("Modules completed"), None),
    "jurisdiction": (gettext_lazy("Jurisdiction"), ("user__jurisdiction_name", "pk")),
    "state": (gettext_lazy("State"), ("user__state", "user__last_name", "pk")),
}
PROGRESS_SORTS = {
    "attendance": lambda p: -1 if p is None or p.attendance_percent is None
    else p.attendance_percent,
    "modules": lambda p: -1 if p is None else p.modules_done,
}


@dataclass
class Roster:
    cohort: object
    ids: list  # every enrollment matching the filters, in order
    progress: dict  # {enrollment_id: LearnerProgress} of the seated
    at_risk: int  # of the people matching, seated learners not on track

    def rows(self, ids=None):
        """The enrollments `ids` (default: all matching), in order, with `progress` and
        (waitlisted ones) `waitlist_position`: one query for them, one for the waitlist."""
        ids = self.ids if ids is None else list(ids)
        by_pk = Enrollment.objects.select_related("user").only(*ROSTER_FIELDS).in_bulk(ids)
        rows = [by_pk[pk] for pk in ids if pk in by_pk]
        positions = (waitlist_positions(self.cohort)
                     if any(e.status == S.WAITLISTED for e in rows) else {})
        for e in rows:
            e.progress = self.progress.get(e.pk)
            if e.pk in positions:
                e.waitlist_ahead = positions[e.pk] - 1  # Enrollment.waitlist_position
        return rows


def roster(cohort, *, status="", on_track="", q="", sort="name", desc=False) -> Roster:
    """The cohort's people, filtered and sorted, as ids; `Roster.rows()` loads the ones
    shown. Progress comes for the whole cohort in a constant number of queries, so
    filters, sorting and the at-risk count cover everyone while only a page is loaded."""
    people = Enrollment.objects.filter(cohort=cohort)
    if status in S.values:
        people = people.filter(status=status)
    for word in q.split()[:5]:
        people = people.filter(
            Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word)
            | Q(user__preferred_name__icontains=word) | Q(user__email__icontains=word)
        )
    order = ROSTER_SORTS.get(sort, ROSTER_SORTS["name"])[1] or ROSTER_SORTS["name"][1]
    ids = list(people.order_by(*order).values_list("pk", flat=True))
    everyone = seats(cohort)
    progress = enrollments_progress(everyone, whole_cohorts=True)  # no per-session totals
    if on_track in ("yes", "no"):
        wanted = on_track == "yes"
        ids = [pk for pk in ids if pk in progress and progress[pk].on_track == wanted]
    if sort in PROGRESS_SORTS:
        key = PROGRESS_SORTS[sort]
        ids.sort(key=lambda pk: key(progress.get(pk)))
    if desc:
        ids.reverse()
    at_risk = sum(1 for pk in ids if pk in progress and not progress[pk].on_track)
    return Roster(cohort, ids, progress, at_risk)
