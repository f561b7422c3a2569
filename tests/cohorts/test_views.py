"""Learner pages: the course's cohort list, the cohort page, enrolling, My learning."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Enrollment, Session
from cohorts.services import enrollment_create

from .conftest import make_cohort, make_sessions

pytestmark = pytest.mark.django_db


def url(cohort, suffix=""):
    return f"/cohorts/{cohort.slug}/{suffix}"


def enroll_form(client, cohort, **data):
    payload = {"hopes": "Learn budgets", "accessibility_needs": "", **data}
    return client.post(url(cohort, "enroll/"), payload)


def test_course_page_lists_upcoming_cohorts(client, course, people):
    open_ = make_cohort(course, "open-one", title="Open one", capacity=3)
    enrollment_create(cohort=open_, user=people[0])
    make_cohort(course, "draft-one", title="Draft one", status="draft")
    make_cohort(course, "done-one", title="Done one", status="finished")
    html = client.get(course.url).content.decode()
    assert "Open one" in html and "2 seats left of 3" in html
    assert "Draft one" not in html and "Done one" not in html
    assert ">Enroll<" in html


def test_course_page_cohort_list_is_one_query(client, course, django_assert_num_queries):
    """Guards against one seats/dates query per cohort on the course page."""
    make_cohort(course, "a")
    client.get(course.url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(course.url)
    for i in range(5):
        make_cohort(course, f"more-{i}")
    with django_assert_num_queries(len(one)):
        html = client.get(course.url).content.decode()
    assert html.count("seats left of 5") == 6


@pytest.mark.parametrize(
    "fields, fill, label",
    [
        ({}, 0, "Enroll"),
        ({"enrollment_mode": "approval"}, 0, "Apply"),
        ({}, 5, "Join the waitlist"),
        ({"waitlist_enabled": False}, 5, "Full"),
        ({"status": "finished"}, 0, "Enrollment closed"),
        ({"enrollment_closes_at": timezone.now() - timedelta(hours=1)}, 0, "Enrollment closed"),
    ],
)
def test_enroll_button_tells_the_truth(client, course, user_factory, fields, fill, label):
    cohort = make_cohort(course, **fields)
    for _ in range(fill):
        Enrollment.objects.create(cohort=cohort, user=user_factory(), status="enrolled")
    client.force_login(user_factory())
    html = client.get(url(cohort)).content.decode()
    assert f">{label}</" in html


def test_facilitator_sees_no_enroll_button(client, cohort, facilitator):
    client.force_login(facilitator)
    html = client.get(url(cohort)).content.decode()
    assert "You facilitate this cohort" in html and "Manage this cohort" in html


def test_draft_cohort_is_404_for_the_public(client, course, official, staff):
    cohort = make_cohort(course, status="draft")
    assert client.get(url(cohort)).status_code == 404
    client.force_login(official)
    assert client.get(url(cohort)).status_code == 404
    client.force_login(staff)
    assert client.get(url(cohort)).status_code == 200


def test_schedule_in_viewers_time_zone(client, course, user_factory):
    cohort = make_cohort(course, sessions=0, time_zone="America/New_York")
    from datetime import datetime
    from zoneinfo import ZoneInfo

    starts = datetime(2030, 3, 5, 19, 0, tzinfo=ZoneInfo("America/New_York"))
    Session.objects.create(cohort=cohort, title="Kickoff", starts_at=starts,
                           ends_at=starts + timedelta(hours=1))
    client.force_login(user_factory(time_zone="America/Los_Angeles"))
    html = client.get(url(cohort)).content.decode()
    assert "Tue, Mar 5, 2030, 4:00 PM PST</time> – " in html and "5:00 PM PST</time>" in html
    client.force_login(user_factory(time_zone="America/Chicago"))
    html = client.get(url(cohort)).content.decode()
    assert "6:00 PM CST</time> – " in html and "7:00 PM CST</time>" in html
    assert "The cohort meets in Eastern (New York)." in html
    assert "Times are shown in your time zone (Central (Chicago))." in html
    # Its facilitator sees the cohort's zone, with their own beside it.
    lead = user_factory(time_zone="America/Chicago")
    cohort.facilitators.add(lead)
    client.force_login(lead)
    html = client.get(url(cohort)).content.decode()
    assert "7:00 PM EST (6:00 PM CST your time)</time>" in html
    # A visitor sees the cohort's own zone, named.
    client.logout()
    html = client.get(url(cohort)).content.decode()
    assert "7:00 PM EST</time> – " in html and "Eastern time" not in html
    assert "in the cohort's time zone, Eastern (New York)" in html


def test_anonymous_enroll_goes_to_login(client, cohort):
    response = client.get(url(cohort, "enroll/"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_enroll_form_enrolls_and_shows_status(client, cohort, official):
    client.force_login(official)
    page = client.get(url(cohort, "enroll/")).content.decode()
    assert 'name="hopes"' in page and 'name="share_name"' in page
    response = enroll_form(client, cohort, share_name="on", accessibility_needs="Captions")
    assert response.status_code == 302 and response["Location"] == url(cohort)
    e = Enrollment.objects.get()
    assert (e.user, e.status, e.share_name, e.accessibility_needs) == (
        official, "enrolled", True, "Captions")
    html = client.get(url(cohort)).content.decode()
    assert "You are enrolled" in html and "Your status:</strong> Enrolled" in html


def test_double_submit_creates_one_enrollment(client, cohort, official):
    client.force_login(official)
    first = enroll_form(client, cohort)
    second = enroll_form(client, cohort)
    assert first.status_code == second.status_code == 302
    assert Enrollment.objects.count() == 1
    assert Enrollment.objects.get().events.count() == 1


def test_waitlist_position_is_shown(client, course, people):
    cohort = make_cohort(course, capacity=1)
    enrollment_create(cohort=cohort, user=people[0])
    enrollment_create(cohort=cohort, user=people[1])
    client.force_login(people[2])
    response = client.post(url(cohort, "enroll/"), {"hopes": ""}, follow=True)
    html = response.content.decode()
    assert "number 2" in html and "you are number 2 on the waitlist" in html


def test_rule_errors_are_shown_on_the_form(client, course, official):
    cohort = make_cohort(course, capacity=0, waitlist_enabled=False)
    client.force_login(official)
    response = enroll_form(client, cohort)
    assert response.status_code == 200
    assert "full" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_my_learning_lists_cohorts_by_status(client, course, modules, people):
    open_ = make_cohort(course, "open-c", title="Open C")
    waiting = make_cohort(course, "wait-c", title="Wait C", capacity=0)
    enrollment_create(cohort=open_, user=people[0])
    enrollment_create(cohort=waiting, user=people[0])
    client.force_login(people[0])
    client.post(reverse("module_complete", args=[modules[0].pk]))
    html = client.get("/me/").content.decode()
    assert "Enrolled" in html and "Open C" in html
    assert "On the waitlist" in html and "number 1 on the waitlist" in html
    assert "Next session: Session 1" in html
    assert "1 of 2 required modules done" in html
    assert "/me/calendar/" in html and "Courses you have started" in html


def test_withdraw_with_confirmation(client, cohort, official):
    e = enrollment_create(cohort=cohort, user=official)
    client.force_login(official)
    page = client.get(f"/me/enrollments/{e.pk}/withdraw/")
    assert page.status_code == 200 and "Yes, withdraw" in page.content.decode()
    e.refresh_from_db()
    assert e.status == "enrolled"  # GET changes nothing
    response = client.post(f"/me/enrollments/{e.pk}/withdraw/")
    assert response.status_code == 302
    e.refresh_from_db()
    assert e.status == "withdrawn"


def test_others_enrollment_is_404_not_403(client, cohort, official, user_factory):
    e = enrollment_create(cohort=cohort, user=official)
    client.force_login(user_factory())
    assert client.get(f"/me/enrollments/{e.pk}/withdraw/").status_code == 404
    assert client.post(f"/me/enrollments/{e.pk}/withdraw/").status_code == 404
    assert client.post("/me/enrollments/999999/withdraw/").status_code == 404
    e.refresh_from_db()
    assert e.status == "enrolled"


def _count(client, path, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm Wagtail's site root paths cache
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx)


def test_cohort_page_query_count_is_bounded(client, course, user_factory, facilitator,
                                            django_assert_num_queries):
    """Guards against a query per session, per facilitator or per enrollment."""
    small = make_cohort(course, "small", sessions=2, facilitators=[facilitator])
    big = make_cohort(course, "big", sessions=20, capacity=10,
                      facilitators=[facilitator, user_factory(), user_factory()])
    viewer = user_factory()
    for c, n in ((small, 2), (big, 20)):
        for _ in range(n):
            enrollment_create(cohort=c, user=user_factory())
        enrollment_create(cohort=c, user=viewer)
    client.force_login(viewer)
    counts = [_count(client, url(c), None) for c in (small, big)]
    print(f"\ncohort page queries: 2 sessions -> {counts[0]}, 20 sessions -> {counts[1]}")
    assert counts[0] == counts[1]
    assert counts[1] <= 12


def test_my_learning_query_count_is_bounded(client, catalog, user_factory):
    """Guards against per-enrollment queries (next session, waitlist position, progress)."""
    from tests.conftest import make_course, make_module

    def setup(user, n):
        for i in range(n):
            course = make_course(catalog, f"Course {user.pk} {i}")
            module = make_module(course, f"Module {user.pk} {i}")
            cohort = make_cohort(course, f"c-{user.pk}-{i}", capacity=i % 2, sessions=2)
            enrollment_create(cohort=cohort, user=user)
            from courses.models import ModuleCompletion

            ModuleCompletion.objects.create(user=user, module=module)

    few, many = user_factory(), user_factory()
    setup(few, 2)
    setup(many, 20)
    counts = []
    for person in (few, many):
        client.force_login(person)
        counts.append(_count(client, "/me/", None))
    print(f"\n/me/ queries: 2 enrollments -> {counts[0]}, 20 enrollments -> {counts[1]}")
    assert counts[0] == counts[1]
    assert counts[1] <= 12


def test_more_sessions_fixture_helper(course):
    cohort = make_cohort(course, sessions=0)
    make_sessions(cohort, 3)
    assert cohort.sessions.count() == 3
