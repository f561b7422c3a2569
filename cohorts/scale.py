"""Scale data, delivery: cohorts with weekly sessions spread over the live courses,
enrollments in every status, attendance for held sessions and module completions
(called by `manage.py seed_scale`, after academy.scale made the people).

One cohort (BIG_COHORT_SLUG) has exactly `sizes.big_cohort` enrolled learners, runs
now (half its sessions held and marked), takes applications (pending) and keeps a
waitlist; the scale facilitator facilitates it and `sizes.facilitator_cohorts - 1`
others. The scale official (academy.scale.OFFICIAL_EMAIL) is enrolled in it and has a
completed, an upcoming, a waitlisted and a pending enrollment elsewhere.

Rows are written with bulk_create from the models' fields only (not the services:
seeding sends no email and takes no locks). Every cohort slug starts with SLUG_PREFIX.
"""

import random
import secrets
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from academy.scale import (
    FACILITATOR_EMAIL,
    SCALE_DOMAIN,
    ScaleSizes,
    Timer,
    official_email,
    scale_users,
)
from courses.models import CoursePage, ModuleCompletion, ModulePage

from .demo import MARKS
from .models import (
    CHECK_IN_ALPHABET,
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

SLUG_PREFIX = "scale-seed-"
BIG_COHORT_SLUG = SLUG_PREFIX + "big"

C, S, A = CohortStatus, EnrollmentStatus, AttendanceStatus
# Over the academy's history most cohorts are finished; a third are upcoming or running.
COHORT_STATUS_WEIGHTS = {C.FINISHED: 40, C.IN_PROGRESS: 20, C.OPEN: 30, C.DRAFT: 5,
                         C.CANCELLED: 5}
CAPACITIES = [30, 35, 40, 45, 50]
TIME_ZONES = ["America/New_York"] * 4 + ["America/Chicago"] * 3 + [
    "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Los_Angeles",
    "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
]
REGIONS = ["Northeast", "Southeast", "Midwest", "Great Plains", "Mountain West",
           "Southwest", "Pacific", "Gulf Coast", "Appalachia", "Great Lakes", "National"]
SESSION_TOPICS = [
    "Welcome and introductions", "Power and the institution", "Coalitions in practice",
    "Case study workshop", "Working the budget", "Public comment that matters",
    "Drafting the ordinance", "Planning what comes next",
]
# Attendance patterns (cycled over held sessions): P present, L late, E excused,
# A absent, - unmarked. Good ones meet a 75 % minimum, poor ones do not.
GOOD = ["PPPPPPPP", "PLPPPPLP", "PPEPPPPP", "PPPPAPPP", "LPPPPPPP", "PPPLPPPE"]
POOR = ["AAPPAAPA", "PA-AAPAA", "APAEAAPA"]


@dataclass
class Plan:
    """One cohort to create, and what goes in it."""

    index: int
    slug: str
    course: CoursePage
    status: str
    mode: str
    capacity: int
    time_zone: str
    first_day: object  # date of the first session, in the cohort's zone
    sessions: int
    rows: list = field(default_factory=list)  # [(user_id, enrollment status)]
    cohort: Cohort | None = None
    session_rows: list = field(default_factory=list)

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def session_start(self, i):
        day = self.first_day + timedelta(weeks=i)
        return datetime.combine(day, time(18, 0) if self.index % 4 else time(10, 0),
                                tzinfo=self.tzinfo)


def _split(total, shares):
    """[(status, share)] -> [status, ...] of length total, in proportion; what rounding
    leaves over goes to the first status."""
    out = []
    for status, share in shares:
        out += [status] * round(total * share)
    out = out[:total]
    out += [shares[0][0]] * (total - len(out))
    return out


def _plans(rng, sizes, courses, today):
    weights = list(COHORT_STATUS_WEIGHTS.values())
    n = sizes.sessions_per_cohort
    plans = []
    for i in range(sizes.cohorts):
        course = courses[i % len(courses)]
        if i == 0:  # the big cohort: half its sessions held, the last held this week
            held = max(n // 2, 1)
            plans.append(Plan(i, BIG_COHORT_SLUG, course, C.IN_PROGRESS, EnrollmentMode.APPROVAL,
                              sizes.big_cohort, "America/Chicago",
                              today - timedelta(days=7 * held - 3), n))
            continue
        status = rng.choices(list(COHORT_STATUS_WEIGHTS), weights=weights)[0]
        if status == C.FINISHED:
            first = today - timedelta(weeks=rng.randint(n + 1, 104))
        elif status == C.IN_PROGRESS:
            held = rng.randint(1, max(n - 1, 1))
            first = today - timedelta(days=7 * held - rng.randint(1, 6))
        elif status == C.OPEN:
            first = today + timedelta(days=rng.randint(7, 120))
        elif status == C.DRAFT:
            first = today + timedelta(days=rng.randint(60, 200))
        else:
            first = today + timedelta(days=rng.randint(-60, 60))
        mode = EnrollmentMode.APPROVAL if rng.random() < 0.3 else EnrollmentMode.OPEN
        plans.append(Plan(i, f"{SLUG_PREFIX}{i:04d}", course, status, mode,
                          rng.choice(CAPACITIES), rng.choice(TIME_ZONES), first, n))
    return plans


def _fill(rng, plans, sizes, officials):
    """Give each plan its (user, status) rows; ~sizes.enrollments in all."""
    me, others = officials[0], officials[1:]
    big = plans[0]
    k = sizes.big_cohort
    extra = [(S.PENDING, max(k // 16, 1)), (S.WAITLISTED, max(k // 10, 1)),
             (S.WITHDRAWN, max(k // 40, 1)), (S.DECLINED, max(k // 80, 1))]
    statuses = [S.ENROLLED] * k + [s for s, m in extra for _ in range(m)]
    users = [me] + rng.sample(others, min(len(statuses) - 1, len(others)))
    big.rows = list(zip(users, statuses, strict=False))

    # Capacities are scaled so that the other cohorts' rows add up to what is left.
    regular = [p for p in plans[1:] if p.status != C.DRAFT]
    remaining = max(sizes.enrollments - len(big.rows), 0)
    natural = sum(len(_statuses(random.Random(p.index), p)) for p in regular) or 1
    for p in regular:
        p.capacity = max(round(p.capacity * remaining / natural), 1)
        statuses = _statuses(rng, p)[: len(others)]
        p.rows = list(zip(rng.sample(others, len(statuses)), statuses, strict=True))

    # The scale official: one of each kind of enrollment besides the big cohort.
    wanted = [(C.FINISHED, S.COMPLETED), (C.OPEN, S.ENROLLED), (C.IN_PROGRESS, S.WAITLISTED),
              (C.OPEN, S.PENDING)]
    for cohort_status, status in wanted:
        for p in regular:
            at = next((j for j, (_, s) in enumerate(p.rows) if s == status), None)
            if p.status == cohort_status and at is not None and me not in dict(p.rows):
                p.rows[at] = (me, status)
                break


def _statuses(rng, p):
    """The enrollment statuses of one cohort: mostly seated, a few withdrawn; applicants
    in approval cohorts; a waitlist where the seats are taken."""
    capacity, approval = p.capacity, p.mode == EnrollmentMode.APPROVAL
    if p.status == C.CANCELLED:  # places end as cancelled with their cohort
        return [S.CANCELLED] * max(round(capacity * rng.uniform(0.3, 0.7)), 1)
    low = 0.5 if p.status == C.OPEN else 0.8
    seated = min(capacity, round(capacity * rng.uniform(low, 1.15)))
    full = seated >= capacity
    if p.status == C.FINISHED:
        # Closed cohorts: every seated learner has a result.
        out = _split(seated, [(S.COMPLETED, 0.85), (S.NOT_COMPLETED, 0.15)])
        out += [S.WITHDRAWN] * round(seated * 0.08) + [S.REMOVED] * round(seated * 0.03)
        out += [S.DECLINED] * round(seated * 0.06 * approval)
        return out
    out = [S.ENROLLED] * seated + [S.WITHDRAWN] * round(seated * 0.04)
    out += [S.WAITLISTED] * round(capacity * 0.12 * full)
    out += [S.PENDING] * round(capacity * (0.15 if p.status == C.OPEN else 0.03) * approval)
    out += [S.DECLINED] * round(capacity * 0.04 * approval)
    return out


def _check_in_codes(count):
    taken = set(Session.objects.values_list("check_in_code", flat=True))
    codes = []
    while len(codes) < count:
        code = "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(6))
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def seed(log, sizes: ScaleSizes):
    rng = random.Random(sizes.seed + 1)
    now = timezone.now()
    today = timezone.localdate(now)
    courses = list(CoursePage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE).order_by("path"))
    if not courses:
        raise RuntimeError("No live courses: run seed_demo first.")
    modules = {
        c.pk: list(ModulePage.objects.live().child_of(c).order_by("path").values_list(
            "pk", "required"))
        for c in courses
    }
    by_email = dict(scale_users().values_list("email", "pk"))
    officials = [by_email[official_email(n)] for n in range(1, sizes.officials + 1)]
    facilitator = by_email[FACILITATOR_EMAIL]
    pool = sorted(pk for email, pk in by_email.items()
                  if email.startswith("facilitator") and pk != facilitator)

    plans = _plans(rng, sizes, courses, today)
    _fill(rng, plans, sizes, officials)

    with Timer(log, "cohorts") as t:
        cohorts = Cohort.objects.bulk_create(
            [
                Cohort(
                    course=p.course, slug=p.slug, status=p.status, enrollment_mode=p.mode,
                    capacity=p.capacity, time_zone=p.time_zone,
                    title=f"Big cohort ({sizes.big_cohort} learners)" if p.index == 0
                    else f"{rng.choice(REGIONS)}, {p.first_day:%B %Y} (#{p.index})",
                    description="A cohort made by seed_scale for load testing.",
                    enrollment_closes_at=(
                        p.session_start(0) if p.status == C.OPEN else None
                    ),
                )
                for p in plans
            ],
            batch_size=sizes.batch_size,
        )
        for p, cohort in zip(plans, cohorts, strict=True):
            p.cohort = cohort
        t.rows = len(cohorts)

    with Timer(log, "facilitators") as t:
        mine = {0} | set(rng.sample(range(1, len(plans)),
                                    min(sizes.facilitator_cohorts - 1, len(plans) - 1)))
        links = []
        for p in plans:
            if p.index in mine:
                links.append((p.cohort.pk, facilitator))
            if pool and (p.index not in mine or p.index == 0):
                links.append((p.cohort.pk, pool[p.index % len(pool)]))
        Through = Cohort.facilitators.through
        Through.objects.bulk_create(
            [Through(cohort_id=c, user_id=u) for c, u in links], batch_size=sizes.batch_size
        )
        t.rows = len(links)
    facilitator_of = {}
    for cohort_id, user_id in links:
        facilitator_of.setdefault(cohort_id, user_id)

    with Timer(log, "sessions") as t:
        codes = iter(_check_in_codes(sum(p.sessions for p in plans)))
        rows = []
        for p in plans:
            for i in range(p.sessions):
                starts = p.session_start(i)
                p.session_rows.append(Session(
                    cohort=p.cohort, title=SESSION_TOPICS[i % len(SESSION_TOPICS)],
                    starts_at=starts, ends_at=starts + timedelta(minutes=90),
                    video_url=f"https://meet.example.org/{p.slug}",
                    location="" if i % 3 else "Civic Center, Room 201 (hybrid)",
                    check_in_code=next(codes),
                ))
            rows += p.session_rows
        Session.objects.bulk_create(rows, batch_size=sizes.batch_size)
        t.rows = len(rows)

    with Timer(log, "enrollments") as t:
        rows = []
        for p in plans:
            first = p.session_start(0)
            last_end = p.session_rows[-1].ends_at if p.session_rows else first
            for user_id, status in p.rows:
                created = min(first - timedelta(days=rng.randint(7, 60),
                                                minutes=rng.randint(0, 1440)),
                              now - timedelta(minutes=rng.randint(1, 60 * 24 * 7)))
                changed = last_end + timedelta(days=1) if status == S.COMPLETED else created
                rows.append(Enrollment(
                    cohort=p.cohort, user_id=user_id, status=status, created_at=created,
                    status_changed_at=min(changed, now),
                    waitlisted_at=created if status == S.WAITLISTED else None,
                    hopes="Practical tools for my council." if user_id % 3 == 0 else "",
                    share_name=user_id % 2 == 0,
                ))
        enrollments = Enrollment.objects.bulk_create(rows, batch_size=sizes.batch_size)
        t.rows = len(enrollments)

    with Timer(log, "enrollment history") as t:
        events = EnrollmentEvent.objects.bulk_create(
            [
                EnrollmentEvent(enrollment=e, actor_id=e.user_id, to_status=e.status,
                                kind="scale", created_at=e.status_changed_at)
                for e in enrollments
            ],
            batch_size=sizes.batch_size,
        )
        t.rows = len(events)

    with Timer(log, "attendance") as t:
        marks, done = [], set()
        by_cohort = defaultdict(list)
        for e in enrollments:
            by_cohort[e.cohort_id].append(e)
        for p in plans:
            if p.status not in (C.IN_PROGRESS, C.FINISHED):
                continue
            held = [s for s in p.session_rows if s.starts_at <= now]
            required = [pk for pk, req in modules[p.course.pk] if req]
            optional = [pk for pk, req in modules[p.course.pk] if not req]
            for e in by_cohort[p.cohort.pk]:
                if e.status not in SEAT_STATUSES:
                    continue
                good = e.status == S.COMPLETED or (
                    p.status == C.IN_PROGRESS and rng.random() < 0.8)
                pattern = rng.choice(GOOD if good else POOR)
                for i, session in enumerate(held):
                    letter = pattern[i % len(pattern)]
                    if letter == "-" and p.index != 0:
                        continue
                    own = letter in "PL" and rng.random() < 0.4
                    at = session.starts_at + timedelta(minutes=14 if letter == "L" else 2)
                    marks.append(Attendance(
                        session=session, enrollment=e, status=MARKS.get(letter, A.ABSENT),
                        source=AttendanceSource.SELF_CHECK_IN if own
                        else AttendanceSource.FACILITATOR,
                        marked_by_id=e.user_id if own else facilitator_of.get(p.cohort.pk),
                        marked_at=at, created_at=at,
                        note="Council budget hearing" if letter == "E" else "",
                    ))
                # Modules: the completed did every required one (and some optional);
                # the others are as far along as the sessions held, or behind.
                if e.status == S.COMPLETED:
                    todo = required + [m for m in optional if rng.random() < 0.5]
                else:
                    share = len(held) / max(p.sessions, 1) if good else 0.4
                    todo = required[: round(len(required) * share)]
                done.update((e.user_id, m) for m in todo)
        Attendance.objects.bulk_create(marks, batch_size=sizes.batch_size)
        t.rows = len(marks)

    with Timer(log, "module completions") as t:
        ModuleCompletion.objects.bulk_create(
            [ModuleCompletion(user_id=u, module_id=m) for u, m in sorted(done)],
            batch_size=sizes.batch_size, ignore_conflicts=True,
        )
        t.rows = len(done)


def scale_cohorts():
    return Cohort.objects.filter(slug__startswith=SLUG_PREFIX)


def summary():
    enrollments = Enrollment.objects.filter(cohort__in=scale_cohorts())
    by_status = dict(
        enrollments.order_by().values_list("status").annotate(n=Count("pk"))
    )
    big = Enrollment.objects.filter(cohort__slug=BIG_COHORT_SLUG, status=S.ENROLLED).count()
    return [
        ("cohorts", scale_cohorts().count()),
        ("sessions", Session.objects.filter(cohort__in=scale_cohorts()).count()),
        ("enrollments", sum(by_status.values())),
        *((f"  {s.label.lower()}", by_status.get(s.value, 0)) for s in S),
        ("enrolled in the big cohort", big),
        ("attendance marks", Attendance.objects.filter(session__cohort__in=scale_cohorts())
         .count()),
        ("module completions",
         ModuleCompletion.objects.filter(user__email__endswith="@" + SCALE_DOMAIN).count()),
    ]


def reset(log):
    with Timer(log, "module completions removed") as t:
        t.rows = ModuleCompletion.objects.filter(
            user__email__endswith="@" + SCALE_DOMAIN).delete()[0]
    with Timer(log, "cohorts removed (with sessions, enrollments, attendance)") as t:
        t.rows = scale_cohorts().delete()[0]
