"""Demo cohorts at every point of their life, with sessions past and future (seed_demo).

Every step goes through the services, as a facilitator would take it: a cohort is made a
draft, opened, filled (seats, waitlist and approval apply), started, its attendance taken
(self check-in or the sheet), then closed (results and certificates) or cancelled. Emails
stay in memory (see seed_demo). A self-paced course is started by a few officials and
finished by one. Idempotent: a cohort that exists is left as it is; dates are relative to
the first run.
"""

import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from academy.models import User
from courses.models import CoursePage
from courses.services import module_complete

from .models import (
    SEAT_STATUSES,
    AttendanceStatus,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentMode,
    EnrollmentStatus,
    Session,
)
from .services import (
    attendance_record,
    cohort_cancel,
    cohort_close,
    cohort_open,
    cohort_start,
    enrollment_approve,
    enrollment_create,
    self_paced_check,
    self_paced_start,
    session_check_in,
)

C, S = CohortStatus, EnrollmentStatus


@dataclass
class DemoCohort:
    slug: str
    course: str  # the course's slug
    title: str
    description: str
    status: str
    tz: str
    first_week: int  # weeks from today to the first session
    sessions: int
    facilitators: list
    enrolled: range = range(0)
    mode: str = EnrollmentMode.OPEN
    capacity: int = 20
    pending: range = range(0)
    patterns: list = field(default_factory=list)  # attendance (see PATTERNS)


PATTERNS = ["PPPPPP", "PLPPLP", "AAPPA-", "PPEPPP", "AA-AAP", "LPPPPP"]
CLOSING_PATTERNS = ["PPPP", "PLPP", "PPEP", "PAPP", "PPPL", "AAPA"]
COHORTS = [
    DemoCohort("organizer-winter-2027", "governing-as-an-organizer",
               "Winter 2027 · Tuesday evenings",
               "Six evening sessions for officials in their first or second term.",
               C.OPEN, "America/Chicago", 3, 6, [1], enrolled=range(1, 6)),
    DemoCohort("housing-spring-2027", "housing-justice-from-the-dais",
               "Spring 2027 · East Coast",
               "A small group from East Coast cities and counties working on tenant "
               "protections this year.", C.OPEN, "America/New_York", 2, 5, [2],
               enrolled=range(1, 10), capacity=6),
    DemoCohort("worker-power-southwest", "worker-power-in-local-government",
               "Southwest regional convening",
               "Four in-person days in Tucson; places go to officials with a labor-standards "
               "proposal on their agenda.", C.OPEN, "America/Los_Angeles", 4, 4, [1],
               mode=EnrollmentMode.APPROVAL, capacity=12, pending=range(10, 14),
               enrolled=range(14, 15)),
    DemoCohort("organizer-fall-2026", "governing-as-an-organizer", "Fall 2026 · Mountain West",
               "Officials from Colorado, Utah, New Mexico and Arizona.", C.IN_PROGRESS,
               "America/Denver", -2, 6, [1, 2], enrolled=range(15, 23), patterns=PATTERNS),
    DemoCohort("public-safety-fall-2026", "reimagining-public-safety",
               "Fall 2026 · Thursday cohort",
               "Thursday evenings, for officials from cities and towns along the Atlantic "
               "coast.",
               C.IN_PROGRESS, "America/New_York", -5, 4, [2], enrolled=range(1, 7),
               patterns=CLOSING_PATTERNS),
    DemoCohort("housing-summer-2026", "housing-justice-from-the-dais", "Summer 2026",
               "A summer cohort of council members and county commissioners.", C.FINISHED,
               "America/New_York", -12, 4, [2], enrolled=range(19, 26),
               patterns=CLOSING_PATTERNS),
    DemoCohort("climate-gulf-coast-2027", "climate-justice-resilient-neighborhoods",
               "Spring 2027 · Gulf Coast", "Planned with partners in Houston and New Orleans.",
               C.CANCELLED, "America/Chicago", 6, 4, [1], enrolled=range(2, 6)),
    DemoCohort("organizer-florida-2027", "governing-as-an-organizer",
               "Spring 2027 · Florida counties",
               "Three members of one county commission enrolled together: the quorum guard "
               "reminds the facilitator of the Sunshine Law.", C.OPEN, "America/New_York", 5,
               4, [1], enrolled=range(25, 28)),
    DemoCohort("worker-power-summer-2027", "worker-power-in-local-government",
               "Summer 2027 · Midwest", "Dates and venue to be confirmed.", C.DRAFT,
               "America/Chicago", 20, 4, [2]),
]
FACILITATORS = {1: "facilitator@academy.example.org", 2: "facilitator2@academy.example.org"}
SESSION_TITLES = [
    "Welcome and introductions", "Power and the institution", "Coalitions in practice",
    "Case study workshop", "Working the budget", "Planning what comes next",
]
MARKS = {"P": AttendanceStatus.PRESENT, "L": AttendanceStatus.LATE,
         "E": AttendanceStatus.EXCUSED, "A": AttendanceStatus.ABSENT}
SELF_PACED = ("peoples-budgets", [3, 5, 8], 3)  # course, officials who start, one who finishes


# The official who prefers Spanish (academy/demo_data/people.toml): enrolled in a cohort of
# the course that has a Spanish translation, so the demo shows Spanish emails, My learning
# and the course in Spanish (courses/demo_data/es/).
SPANISH_SPEAKER = (28, "organizer-winter-2027")


def _official(n):
    return User.objects.filter(email=f"official{n}@example.org").first()


def _sessions(cohort, first_week, count):
    tz = zoneinfo.ZoneInfo(cohort.time_zone)
    today = timezone.localdate(timezone=tz)
    for i in range(count):
        starts = datetime.combine(today + timedelta(weeks=first_week + i), time(18, 0), tzinfo=tz)
        Session.objects.create(
            cohort=cohort, title=SESSION_TITLES[i % len(SESSION_TITLES)], starts_at=starts,
            ends_at=starts + timedelta(minutes=90),
            video_url="https://meet.example.org/academy-" + cohort.slug,
            location="" if i % 3 else "Civic Center, Room 201 (hybrid)",
        )


def _attendance(cohort, patterns, lead, now):
    """Held sessions: self check-in for some, the facilitator's sheet for the rest."""
    held = list(cohort.sessions.filter(starts_at__lte=now).order_by("starts_at"))
    enrollments = list(Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES)
                       .select_related("user").order_by("pk"))
    for k, enrollment in enumerate(enrollments):
        pattern = patterns[k % len(patterns)]
        for i, session in enumerate(held):
            letter = pattern[i % len(pattern)]
            arrived = session.starts_at + timedelta(minutes=14 if letter == "L" else 2)
            if letter == "-":
                continue
            if letter in "PL" and i % 2:
                session_check_in(code=session.check_in_code, user=enrollment.user, now=arrived)
            else:
                attendance_record(session=session, enrollment=enrollment, status=MARKS[letter],
                                  actor=lead, now=arrived,
                                  note="Council budget hearing" if letter == "E" else "")
    # Most finish every required module; every third learner is one module short.
    required = list(cohort.course.modules().filter(required=True).order_by("path"))
    for k, enrollment in enumerate(enrollments):
        for module in required if k % 3 != 2 else required[:-1]:
            module_complete(user=enrollment.user, module=module)


def _seed_cohort(spec, courses, facilitators, now, log):
    course = courses.get(spec.course)
    if course is None or Cohort.objects.filter(slug=spec.slug).exists():
        return
    cohort = Cohort.objects.create(
        slug=spec.slug, course=course, title=spec.title, description=spec.description,
        enrollment_mode=spec.mode, capacity=spec.capacity, time_zone=spec.tz,
        enrollment_closes_at=now + timedelta(weeks=spec.first_week) if spec.first_week > 0
        else None,
    )
    _sessions(cohort, spec.first_week, spec.sessions)
    cohort.facilitators.set([facilitators[k] for k in spec.facilitators if facilitators[k]])
    lead = cohort.facilitators.order_by("pk").first()
    if spec.status == C.DRAFT:
        log(f"cohort {cohort} (draft)")
        return
    cohort_open(cohort=cohort, actor=lead)
    for n in [*spec.pending, *spec.enrolled]:
        if (user := _official(n)) is None:
            continue
        enrollment = enrollment_create(cohort=cohort, user=user, share_name=n % 2 == 0,
                                       hopes="Practical tools I can use with my colleagues.")
        if n in spec.enrolled and enrollment.status == S.PENDING:
            enrollment_approve(enrollment=enrollment, actor=lead)
    if spec.status in (C.IN_PROGRESS, C.FINISHED):
        cohort_start(cohort=cohort, actor=lead)
        _attendance(cohort, spec.patterns, lead, now)
    if spec.status == C.FINISHED:
        cohort_close(cohort=cohort, actor=lead)
    elif spec.status == C.CANCELLED:
        cohort_cancel(cohort=cohort, actor=lead, reason="The venue fell through and the "
                      "partner organizations could not confirm new dates; we will announce a "
                      "new cohort for the fall.")
    log(f"cohort {cohort} ({spec.status})")


def _seed_self_paced(courses, log):
    slug, starters, finisher = SELF_PACED
    course = courses.get(slug)
    if course is None or Enrollment.objects.filter(cohort__course=course).exists():
        return
    for n in starters:
        if (user := _official(n)) is None:
            continue
        self_paced_start(course=course, user=user)
        modules = list(course.modules().filter(required=True).order_by("path"))
        for module in modules if n == finisher else modules[:1]:
            module_complete(user=user, module=module)
        self_paced_check(course=course, user=user)
    log(f"self-paced {course}: {len(starters)} started, 1 finished")


def seed(log):
    # Cohorts are of the English course pages (a translation shares its course's slug).
    courses = {
        c.slug: c
        for c in CoursePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    }
    if not courses:
        return
    facilitators = {k: User.objects.filter(email=v).first() for k, v in FACILITATORS.items()}
    now = timezone.now()
    for spec in COHORTS:
        _seed_cohort(spec, courses, facilitators, now, log)
    _seed_self_paced(courses, log)
    _seed_spanish_speaker(log)


def _seed_spanish_speaker(log):
    n, slug = SPANISH_SPEAKER
    user, cohort = _official(n), Cohort.objects.filter(slug=slug).first()
    if user is None or cohort is None or cohort.enrollments.filter(user=user).exists():
        return
    enrollment_create(cohort=cohort, user=user, share_name=True,
                      hopes="Herramientas prácticas para usar con mis colegas del concejo.")
    log(f"{user.email} ({user.preferred_language}) in cohort {cohort}")
