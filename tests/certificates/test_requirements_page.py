"""My learning shows each state requirement that applies to the official, where they
stand, the courses that may count, the source; reminders 60 and 14 days before a due date."""

from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from academy.models import Body, BodyMembership, OutboxEmail
from certificates.requirements import requirement_reminders_send, requirement_rows
from certificates.tasks import requirement_reminders_task
from cohorts.models import Attendance, Cohort, Enrollment, EnrollmentStatus, Session
from tests.conftest import make_course

NEW_YORK = ZoneInfo("America/New_York")


def today():
    """Today where the test's cohorts meet (New York): `complete()` dates a completion by
    its cohort's zone, and with the viewer's zone the two disagree for an hour around
    midnight (this test failed between 05:00 and 06:00 UTC)."""
    return timezone.localdate(timezone.now(), NEW_YORK)


def serve(user, name, body_type, state, *, oath_days_ago, seat="", seats=5, election=None):
    body, _ = Body.objects.get_or_create(
        name=name, body_type=body_type, state=state, defaults={"seats": seats}
    )
    return BodyMembership.objects.create(
        user=user, body=body, seat=seat,
        oath_date=today() - timedelta(days=oath_days_ago),
        election_date=election,
    )


def complete(user, course, *, days_ago, sessions=1, slug=None):
    """A finished live cohort of `course` the user attended in full (90-minute sessions)."""
    slug = slug or f"{course.slug}-{user.pk}-{days_ago}"
    cohort = Cohort.objects.create(course=course, slug=slug[:100], title=f"Run {days_ago}",
                                   status="closed", time_zone="America/New_York")
    end = timezone.now() - timedelta(days=days_ago)
    made = Session.objects.bulk_create(
        Session(cohort=cohort, title=f"S{i}", starts_at=end - timedelta(days=i, minutes=90),
                ends_at=end - timedelta(days=i), check_in_code=f"{slug[:6]}{i}")
        for i in range(sessions)
    )
    enrollment = Enrollment.objects.create(cohort=cohort, user=user,
                                           status=EnrollmentStatus.COMPLETED)
    Attendance.objects.bulk_create(
        Attendance(session=s, enrollment=enrollment, status="present") for s in made
    )
    return enrollment


@pytest.fixture
def ethics_course(catalog):
    course = make_course(catalog, "Ethics in local office")
    course.training_topics = ["ethics", "public-records", "open-meetings"]
    course.counts_toward = ["fl-ethics-annual", "nc-ethics-after-election",
                            "tx-open-meetings", "nc-school-board-biennial"]
    course.save_revision().publish()
    return course


def test_my_learning_shows_a_florida_commissioners_requirement(client, official, ethics_course):
    serve(official, "Leon County Commission", "county", "FL", oath_days_ago=800,
          seat="County Commissioner, District 2", seats=7)
    complete(official, ethics_course, days_ago=0, sessions=1)  # 1.5 hours today
    complete(official, ethics_course, days_ago=0, sessions=1, slug="second-run")
    client.force_login(official)
    html = client.get(reverse("my_learning")).content.decode()
    assert "Annual ethics, public records and open meetings training" in html
    assert "Leon County Commission" in html
    assert "Fla. Stat. §112.3142" in html and "checked on November 25, 2026" in html
    assert "You or your clerk confirm what counts" in html
    [row] = requirement_rows([official.pk], today=today())[official.pk]
    assert row.hours_done == Decimal("3.0")
    assert row.status.hours_needed == Decimal("1.0")
    assert f"Due</dt><dd class=\"col-sm-7\">December 31, {today().year}" in html


def test_only_courses_tagged_for_the_requirement_count(official, catalog, ethics_course):
    untagged = make_course(catalog, "Budgets")
    serve(official, "Leon County Commission", "county", "FL", oath_days_ago=800,
          seat="County Commissioner")
    complete(official, untagged, days_ago=1, sessions=4)
    [row] = requirement_rows([official.pk], today=today())[official.pk]
    assert row.hours_done == 0
    assert [c.title for c in row.courses] == ["Ethics in local office"]


def test_each_requirement_shows_its_own_state(official, user_factory, ethics_course):
    """Met, overdue and due soon, for three officials."""
    met, overdue, soon = official, user_factory(), user_factory()
    serve(met, "Austin City Council", "city", "TX", oath_days_ago=30)
    complete(met, ethics_course, days_ago=5)
    serve(overdue, "Austin ISD Board", "school_board", "TX", oath_days_ago=120)
    serve(soon, "Dallas City Council", "city", "TX", oath_days_ago=45)
    rows = requirement_rows([met.pk, overdue.pk, soon.pk], today=today())
    assert [r.state for r in rows[met.pk]] == ["met"]
    assert [r.state for r in rows[overdue.pk]] == ["overdue"]
    assert [r.state for r in rows[soon.pk]] == ["due_soon"]


def test_reminders_go_out_60_and_14_days_before_once_each(official, ethics_course):
    serve(official, "Dallas City Council", "city", "TX", oath_days_ago=30)  # due in 60 days
    assert requirement_reminders_send(today=today()) == 1
    assert requirement_reminders_send(today=today()) == 0  # idempotent
    assert requirement_reminders_task() == 0  # the beat task: the same service
    email = OutboxEmail.objects.get(kind="requirement.reminder")
    assert "Open Meetings Act training" in email.subject
    assert "You or your clerk confirm what counts" in email.body_text
    assert "Tex. Gov't Code §551.005" in email.body_text
    # 40 days later nothing; at 14 days left the second reminder
    assert requirement_reminders_send(today=today() + timedelta(days=40)) == 0
    assert requirement_reminders_send(today=today() + timedelta(days=46)) == 1
    assert requirement_reminders_send(today=today() + timedelta(days=50)) == 0
    assert OutboxEmail.objects.filter(kind="requirement.reminder").count() == 2


def test_no_reminder_once_the_hours_are_in(official, ethics_course):
    serve(official, "Dallas City Council", "city", "TX", oath_days_ago=30)
    complete(official, ethics_course, days_ago=2)
    assert requirement_reminders_send(today=today()) == 0
    assert not OutboxEmail.objects.filter(kind="requirement.reminder").exists()


def _page_queries(client, user):
    client.get(reverse("my_learning"))  # warm the site's caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("my_learning"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_my_learning_queries_do_not_grow_with_requirements_or_courses(
    client, official, ethics_course, catalog
):
    client.force_login(official)
    serve(official, "Leon County Commission", "county", "FL", oath_days_ago=800,
          seat="County Commissioner")
    complete(official, ethics_course, days_ago=3)
    small, _ = _page_queries(client, official)
    # five requirements (TX county commissioner: 2, FL: 1, NC school board: 2), 40 courses
    serve(official, "Travis County Commissioners Court", "county", "TX", oath_days_ago=200,
          seat="County Commissioner, Precinct 2")
    serve(official, "Wake County Board of Education", "school_board", "NC",
          oath_days_ago=300, election=today() - timedelta(days=330))
    for index in range(39):
        complete(official, ethics_course, days_ago=10 + index, slug=f"run-{index}")
    assert len(requirement_rows([official.pk], today=today())[official.pk]) == 5
    large, html = _page_queries(client, official)
    # memberships, completed courses, attendance sums, tagged courses: never per row
    print(f"My learning: {small} queries (1 requirement, 1 course), {large} (5, 40)")
    assert large == small
    assert html.count('class="card mb-3 requirement') == 5


def test_a_met_biennium_shows_the_next_period_and_when_the_last_was_met(
    client, official, ethics_course
):
    ethics_course.counts_toward = ["ca-ethics-local-agency"]
    ethics_course.save_revision().publish()
    term = serve(official, "Oakland City Council", "city", "CA", oath_days_ago=100)
    term.compensated = True
    term.save()
    complete(official, ethics_course, days_ago=20, sessions=2)
    [row] = requirement_rows([official.pk], today=today())[official.pk]
    assert row.state == "open" and row.previous_met_on == today() - timedelta(days=20)
    client.force_login(official)
    html = client.get(reverse("my_learning")).content.decode()
    assert "The previous period was met on" in html
