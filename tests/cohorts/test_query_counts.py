"""N+1 guards: the dashboard, roster, grid, sheet and certificates pages make the same
number of queries for 10 and for 200 learners (progress for a roster is a constant number
of queries)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from academy.models import User
from cohorts.models import Attendance, Enrollment, EnrollmentEvent
from courses.models import ModuleCompletion

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


def add_learners(cohort, sessions, modules, start, count):
    users = User.objects.bulk_create([
        User(email=f"learner{i}@example.org", first_name=f"Learner{i}", last_name="Test",
             password="!", jurisdiction_name="Springfield", state="IL")
        for i in range(start, start + count)
    ])
    enrollments = Enrollment.objects.bulk_create([
        Enrollment(cohort=cohort, user=u, status="enrolled", accessibility_needs="Captions")
        for u in users
    ])
    statuses = ["present", "late", "excused", "absent"]
    Attendance.objects.bulk_create([
        Attendance(session=s, enrollment=e, status=statuses[(i + j) % 4],
                   marked_at=timezone.now())
        for i, e in enumerate(enrollments) for j, s in enumerate(sessions[:3])
    ])
    ModuleCompletion.objects.bulk_create([
        ModuleCompletion(user=u, module=m) for i, u in enumerate(users)
        for m in modules[: i % 3]
    ])
    # Every third learner's place ended (the History page), with two events each.
    ended = [e for i, e in enumerate(enrollments) if i % 3 == 0]
    Enrollment.objects.filter(pk__in=[e.pk for e in ended]).update(status="withdrawn")
    EnrollmentEvent.objects.bulk_create([
        EnrollmentEvent(enrollment=e, actor=e.user, from_status=a, to_status=b, kind=b)
        for e in ended for a, b in (("", "enrolled"), ("enrolled", "withdrawn"))
    ])


def count(client, url):
    client.get(url)  # warm: Wagtail caches the site's root paths on first use
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "page", ["dashboard", "roster", "grid", "sheet", "certificates", "close", "history"])
def test_same_queries_for_10_and_200_learners(client, course, modules, facilitator, page):
    cohort = make_cohort(course, "big", sessions=6, start_in_days=-20, capacity=500,
                         status="in_progress", facilitators=[facilitator])
    sessions = list(cohort.sessions.all())
    url = {
        # Learners at risk in every running cohort, counted without loading each learner.
        "dashboard": "/facilitate/",
        "roster": f"/facilitate/{cohort.slug}/roster/",
        "grid": f"/facilitate/{cohort.slug}/attendance/",
        "sheet": f"/facilitate/{cohort.slug}/sessions/{sessions[0].pk}/attendance/",
        # Each learner's final standing; the people whose place ended with their timeline.
        "close": f"/facilitate/{cohort.slug}/close/",
        "history": f"/facilitate/{cohort.slug}/history/",
        "certificates": f"/facilitate/{cohort.slug}/certificates/",
    }[page]
    client.force_login(facilitator)
    add_learners(cohort, sessions, modules, 0, 10)
    ten = count(client, url)
    add_learners(cohort, sessions, modules, 10, 190)
    two_hundred = count(client, url)
    print(f"\n{page} queries 10 learners: {ten}, 200 learners: {two_hundred}")
    assert ten == two_hundred
