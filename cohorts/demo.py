"""Demo cohorts in every state, with sessions past and future (called by seed_demo).

Rows are written directly (not through the services) so seeding sends no email; each
enrollment still gets its history row. Idempotent: cohorts are keyed by slug, people
by (cohort, user); dates are relative to the first run.
"""

import zoneinfo
from datetime import datetime, time, timedelta

from django.utils import timezone

from academy.models import User
from courses.models import CoursePage, ModuleCompletion, ModulePage

from .models import (
    SEAT_STATUSES,
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentEvent,
    EnrollmentMode,
    EnrollmentStatus,
    Session,
)

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


def seed(log):
    courses = list(CoursePage.objects.live().order_by("path"))
    if not courses:
        return
    facilitators = {k: User.objects.filter(email=v).first() for k, v in FACILITATORS.items()}
    now = timezone.now()
    for (slug, course_index, title, status, mode, capacity, tz, first_week, count, fac,
         groups) in COHORTS:
        course = courses[course_index % len(courses)]
        cohort, created = Cohort.objects.get_or_create(
            slug=slug,
            defaults={
                "course": course, "title": title, "status": status, "enrollment_mode": mode,
                "capacity": capacity, "time_zone": tz,
                "description": f"A demo cohort: {title.lower()}.",
                "enrollment_closes_at": (
                    now + timedelta(weeks=first_week) if first_week > 0 else None
                ),
            },
        )
        if created:
            _sessions(cohort, first_week, count)
            cohort.facilitators.set([facilitators[k] for k in fac if facilitators[k]])
            log(f"cohort {cohort} ({cohort.get_status_display()})")
        order = 0
        for numbers, enrollment_status in groups:
            for n in numbers:
                user = User.objects.filter(email=f"official{n}@example.org").first()
                if user is None:
                    continue
                order += 1
                at = now - timedelta(days=30) + timedelta(minutes=order)
                enrollment, made = Enrollment.objects.get_or_create(
                    cohort=cohort, user=user,
                    defaults={
                        "status": enrollment_status, "created_at": at, "status_changed_at": at,
                        "waitlisted_at": at if enrollment_status == S.WAITLISTED else None,
                        "hopes": "Practical tools I can use with my council colleagues.",
                        "share_name": n % 2 == 0,
                    },
                )
                if made:
                    EnrollmentEvent.objects.create(
                        enrollment=enrollment, actor=user, to_status=enrollment_status,
                        kind="demo", created_at=at, notified_at=at,
                    )
        if status in (CohortStatus.IN_PROGRESS, CohortStatus.FINISHED):
            _progress(cohort, now, log)


# Attendance patterns by learner (cycled): P present, L late, E excused, A absent, - unmarked.
# In a running cohort some keep up, some have missed too much to reach the minimum.
PATTERNS = ["PPPPPP", "PLPPLP", "AAPPA-", "PPEPPP", "AA-AAP", "LPPPPP"]
FINISHED_PATTERNS = ["PPPP", "PLPP", "PPEP", "PAPP", "PPPL", "AAPA"]
MARKS = {"P": AttendanceStatus.PRESENT, "L": AttendanceStatus.LATE,
         "E": AttendanceStatus.EXCUSED, "A": AttendanceStatus.ABSENT}


def _progress(cohort, now, log):
    """Attendance for held sessions and required-module completions (idempotent)."""
    facilitator = cohort.facilitators.order_by("pk").first()
    held = list(cohort.sessions.filter(starts_at__lte=now).order_by("starts_at"))
    enrollments = list(
        Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES).order_by("pk")
    )
    patterns = FINISHED_PATTERNS if cohort.status == CohortStatus.FINISHED else PATTERNS
    existing = set(
        Attendance.objects.filter(session__in=held).values_list("session_id", "enrollment_id")
    )
    marks = []
    for k, enrollment in enumerate(enrollments):
        pattern = patterns[k % len(patterns)]
        for i, session in enumerate(held):
            letter = pattern[i % len(pattern)]
            if letter == "-" or (session.pk, enrollment.pk) in existing:
                continue
            late = letter == "L"
            marks.append(Attendance(
                session=session, enrollment=enrollment, status=MARKS[letter],
                source=AttendanceSource.SELF_CHECK_IN if letter in "PL" and i % 2
                else AttendanceSource.FACILITATOR,
                marked_by=enrollment.user if letter in "PL" and i % 2 else facilitator,
                marked_at=session.starts_at + timedelta(minutes=14 if late else 2),
                created_at=session.starts_at + timedelta(minutes=14 if late else 2),
                note="Council budget hearing" if letter == "E" else "",
            ))
    Attendance.objects.bulk_create(marks, ignore_conflicts=True)
    required = list(
        ModulePage.objects.live().child_of(cohort.course).filter(required=True).order_by("path")
    )
    done = 0
    for k, enrollment in enumerate(enrollments):
        # Most finish every required module; every third learner is one module short.
        todo = required if k % 3 != 2 or cohort.status == CohortStatus.FINISHED else required[:-1]
        for module in todo:
            _, made = ModuleCompletion.objects.get_or_create(user=enrollment.user, module=module)
            done += made
    if marks or done:
        log(f"attendance for {cohort}: {len(marks)} marks, {done} module completions")
