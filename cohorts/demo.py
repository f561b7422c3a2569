"""Demo cohorts in every state, with sessions past and future (called by seed_demo).

Enrollments, decisions, attendance and module completions go through the services, so
the demo obeys the same rules as the site (its emails stay in memory: see seed_demo).
Idempotent: a cohort that exists is left as it is; dates are relative to the first run.
"""

import zoneinfo
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from academy.models import User
from courses.models import CoursePage, ModulePage
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
    enrollment_approve,
    enrollment_create,
    session_check_in,
)
from .services.enrollment import set_status

S = EnrollmentStatus

# slug, course index, title, status, mode, capacity, tz, first session (weeks from today),
# sessions, facilitators, [(official numbers, status)]
COHORTS = [
    ("organizer-fall-open", 0, "Open cohort, evenings", CohortStatus.OPEN, EnrollmentMode.OPEN,
     20, "America/Chicago", 3, 6, [1], [(range(1, 6), S.ENROLLED)]),
    ("housing-full-waitlist", 1, "Full cohort with a waitlist", CohortStatus.OPEN,
     EnrollmentMode.OPEN, 6, "America/New_York", 2, 5, [2],
     [(range(1, 7), S.ENROLLED), (range(7, 10), S.WAITLISTED)]),
    ("approval-required", 2, "Approval required", CohortStatus.OPEN, EnrollmentMode.APPROVAL,
     12, "America/Los_Angeles", 4, 4, [1],
     [(range(10, 14), S.PENDING), (range(14, 15), S.ENROLLED)]),
    ("organizer-in-progress", 0, "Running now", CohortStatus.IN_PROGRESS, EnrollmentMode.OPEN,
     15, "America/Denver", -2, 6, [1, 2], [(range(15, 23), S.ENROLLED)]),
    ("finished-cohort", 3, "Finished last season", CohortStatus.FINISHED, EnrollmentMode.OPEN,
     10, "America/New_York", -12, 4, [2], [(range(19, 25), S.COMPLETED)]),
    ("draft-next-year", 1, "Next year (draft)", CohortStatus.DRAFT, EnrollmentMode.OPEN,
     25, "America/Chicago", 20, 4, [2], []),
]
FACILITATORS = {1: "facilitator@academy.example.org", 2: "facilitator2@academy.example.org"}
SESSION_TITLES = [
    "Welcome and introductions", "Power and the institution", "Coalitions in practice",
    "Case study workshop", "Working the budget", "Planning what comes next",
]


def _sessions(cohort, first_week, count):
    tz = zoneinfo.ZoneInfo(cohort.time_zone)
    today = timezone.localdate(timezone=tz)
    for i in range(count):
        day = today + timedelta(weeks=first_week + i)
        starts = datetime.combine(day, time(18, 0), tzinfo=tz)
        Session.objects.create(
            cohort=cohort,
            title=SESSION_TITLES[i % len(SESSION_TITLES)],
            starts_at=starts,
            ends_at=starts + timedelta(minutes=90),
            video_url="https://meet.example.org/academy-" + cohort.slug,
            location="" if i % 3 else "Civic Center, Room 201 (hybrid)",
        )


def _enroll(cohort, numbers, status, facilitator, log):
    """Enroll officials through the rules, in order (seats, waitlist and approval apply)."""
    for n in numbers:
        user = User.objects.filter(email=f"official{n}@example.org").first()
        if user is None:
            continue
        enrollment = enrollment_create(
            cohort=cohort, user=user, share_name=n % 2 == 0,
            hopes="Practical tools I can use with my council colleagues.",
        )
        if status == S.ENROLLED and enrollment.status == S.PENDING:
            enrollment_approve(enrollment=enrollment, actor=facilitator)
        elif status == S.COMPLETED:
            with transaction.atomic():
                set_status(enrollment, S.COMPLETED, actor=facilitator, kind="completed")


def seed(log):
    courses = list(CoursePage.objects.live().order_by("path"))
    if not courses:
        return
    facilitators = {k: User.objects.filter(email=v).first() for k, v in FACILITATORS.items()}
    now = timezone.now()
    for (slug, course_index, title, status, mode, capacity, tz, first_week, count, fac,
         groups) in COHORTS:
        if Cohort.objects.filter(slug=slug).exists():
            continue
        course = courses[course_index % len(courses)]
        # Opened first, so that enrolling goes through the rules; then moved to its state.
        cohort = Cohort.objects.create(
            slug=slug, course=course, title=title, status=CohortStatus.OPEN,
            enrollment_mode=mode, capacity=capacity, time_zone=tz,
            description=f"A demo cohort: {title.lower()}.",
            enrollment_closes_at=now + timedelta(weeks=first_week) if first_week > 0 else None,
        )
        _sessions(cohort, first_week, count)
        cohort.facilitators.set([facilitators[k] for k in fac if facilitators[k]])
        lead = cohort.facilitators.order_by("pk").first()
        for numbers, enrollment_status in groups:
            _enroll(cohort, numbers, enrollment_status, lead, log)
        Cohort.objects.filter(pk=cohort.pk).update(status=status)
        cohort.status = status
        log(f"cohort {cohort} ({cohort.get_status_display()})")
        if status in (CohortStatus.IN_PROGRESS, CohortStatus.FINISHED):
            _progress(cohort, now, log)


# Attendance patterns by learner (cycled): P present, L late, E excused, A absent, - unmarked.
# In a running cohort some keep up, some have missed too much to reach the minimum.
PATTERNS = ["PPPPPP", "PLPPLP", "AAPPA-", "PPEPPP", "AA-AAP", "LPPPPP"]
FINISHED_PATTERNS = ["PPPP", "PLPP", "PPEP", "PAPP", "PPPL", "AAPA"]
MARKS = {"P": AttendanceStatus.PRESENT, "L": AttendanceStatus.LATE,
         "E": AttendanceStatus.EXCUSED, "A": AttendanceStatus.ABSENT}


def _progress(cohort, now, log):
    """Attendance for held sessions (self check-in or the facilitator's sheet) and
    required-module completions, through the rules."""
    facilitator = cohort.facilitators.order_by("pk").first()
    held = list(cohort.sessions.filter(starts_at__lte=now).order_by("starts_at"))
    enrollments = list(
        Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES)
        .select_related("user").order_by("pk")
    )
    patterns = FINISHED_PATTERNS if cohort.status == CohortStatus.FINISHED else PATTERNS
    marks = 0
    for k, enrollment in enumerate(enrollments):
        pattern = patterns[k % len(patterns)]
        for i, session in enumerate(held):
            letter = pattern[i % len(pattern)]
            if letter == "-":
                continue
            arrived = session.starts_at + timedelta(minutes=14 if letter == "L" else 2)
            if letter in "PL" and i % 2:
                session_check_in(code=session.check_in_code, user=enrollment.user, now=arrived)
            else:
                attendance_record(
                    session=session, enrollment=enrollment, status=MARKS[letter],
                    actor=facilitator, now=arrived,
                    note="Council budget hearing" if letter == "E" else "",
                )
            marks += 1
    required = list(
        ModulePage.objects.live().child_of(cohort.course).filter(required=True).order_by("path")
    )
    done = 0
    for k, enrollment in enumerate(enrollments):
        # Most finish every required module; every third learner is one module short.
        todo = required if k % 3 != 2 or cohort.status == CohortStatus.FINISHED else required[:-1]
        for module in todo:
            module_complete(user=enrollment.user, module=module)
            done += 1
    log(f"attendance for {cohort}: {marks} marks, {done} module completions")
