"""Reads for cohort pages, My learning and the course page (bounded query counts)."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from courses.models import ModuleCompletion, ModulePage
from courses.selectors import CourseProgress

from .models import Cohort, CohortStatus, EnrollmentMode, EnrollmentStatus


@dataclass
class Offer:
    """What the Enroll button says, and whether it can be pressed. The label tells the truth."""

    label: str
    can_enroll: bool
    note: str = ""


def enrollment_offer(cohort, *, seats_taken, is_facilitator=False, now=None) -> Offer:
    """Enroll, Apply, Join the waitlist, Enrollment closed or Full (mirrors services' rules)."""
    now = now or timezone.now()
    if is_facilitator:
        return Offer("Enrollment closed", False, "You facilitate this cohort.")
    if not cohort.joinable_status:
        return Offer("Enrollment closed", False, f"This cohort is {cohort.get_status_display()}.")
    window = cohort.window_state(now)
    if window == "before":
        opens = date_format(timezone.localtime(cohort.enrollment_opens_at), "DATETIME_FORMAT")
        return Offer("Enrollment closed", False, f"Enrollment opens on {opens}.")
    if window == "after":
        return Offer("Enrollment closed", False, "Enrollment has closed.")
    full = seats_taken >= cohort.capacity
    if full and not cohort.waitlist_enabled:
        return Offer("Full", False, "Every seat is taken.")
    if cohort.enrollment_mode == EnrollmentMode.APPROVAL:
        note = "A facilitator reviews each application."
        if full:
            note += " Every seat is taken: approved applicants join the waitlist."
        return Offer("Apply", True, note)
    if full:
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


def progress_by_course(user, courses) -> dict:
    """{course.pk: CourseProgress} for many courses in two queries (not two per course)."""
    courses = list(courses)
    if not courses:
        return {}
    steplen = ModulePage.steplen
    by_path = {c.path: c for c in courses}
    path_filter = Q()
    for course in courses:
        path_filter |= Q(path__startswith=course.path, depth=course.depth + 1)
    modules = list(ModulePage.objects.live().filter(path_filter).only("id", "path", "required"))
    required = {c.pk: set() for c in courses}
    course_of = {}
    for module in modules:
        course = by_path.get(module.path[:-steplen])
        if course is None:
            continue
        course_of[module.pk] = course.pk
        if module.required:
            required[course.pk].add(module.pk)
    done = {c.pk: set() for c in courses}
    if getattr(user, "is_authenticated", False) and course_of:
        for module_id in ModuleCompletion.objects.filter(
            user=user, module_id__in=list(course_of)
        ).values_list("module_id", flat=True):
            done[course_of[module_id]].add(module_id)
    return {
        c.pk: CourseProgress(
            required_total=len(required[c.pk]),
            required_done=len(done[c.pk] & required[c.pk]),
            completed_ids=done[c.pk],
            signed_in=getattr(user, "is_authenticated", False),
        )
        for c in courses
    }


MY_GROUPS = [
    ("Enrolled", [EnrollmentStatus.ENROLLED]),
    ("Awaiting approval", [EnrollmentStatus.PENDING]),
    ("On the waitlist", [EnrollmentStatus.WAITLISTED]),
    ("Completed", [EnrollmentStatus.COMPLETED]),
    ("Past and withdrawn", [EnrollmentStatus.WITHDRAWN, EnrollmentStatus.DECLINED]),
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
            enrollment.status != EnrollmentStatus.COMPLETED
        ):
            heading = "Past and withdrawn"
        groups[heading].append(enrollment)
    return [(heading, rows) for heading, rows in groups.items() if rows]
