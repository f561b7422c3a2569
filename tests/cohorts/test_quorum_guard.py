"""The quorum guard: facilitators are warned on the cohort, roster and session pages when
enrolled, checked-in or grouped learners reach one body's open-meetings threshold."""

from datetime import date

import pytest
from django.urls import reverse

from academy.models import Body, BodyMembership
from cohorts.models import Attendance, BreakoutPlacement, Enrollment, Session
from cohorts.services import AttendanceError, breakouts_assign
from tests.cohorts.conftest import make_cohort


def member(user, body, *, left_on=None):
    BodyMembership.objects.create(user=user, body=body, oath_date=date(2024, 11, 19),
                                  left_on=left_on)
    return user


@pytest.fixture
def commission(db):
    return Body.objects.create(name="Leon County Commission", body_type="county",
                               state="FL", seats=7)


@pytest.fixture
def cohort(course, facilitator):
    return make_cohort(course, facilitators=[facilitator], capacity=20)


def seat(cohort, user):
    return Enrollment.objects.create(cohort=cohort, user=user, status="enrolled")


def test_two_florida_commissioners_in_a_cohort_warn_on_cohort_and_roster(
    client, cohort, facilitator, people, commission
):
    for person in people[:2]:
        seat(cohort, member(person, commission))
    client.force_login(facilitator)
    for name in ("facilitate_cohort", "facilitate_roster"):
        html = client.get(reverse(name, args=[cohort.slug])).content.decode()
        assert "2 members of Leon County Commission enrolled in this cohort" in html
        assert "Government in the Sunshine Law" in html
        assert "Fla. Stat. §286.011" in html
        assert "Suggestion:" in html


def test_one_member_or_a_former_member_does_not_warn(client, cohort, facilitator, people,
                                                    commission):
    seat(cohort, member(people[0], commission))
    seat(cohort, member(people[1], commission, left_on=date(2025, 1, 1)))
    client.force_login(facilitator)
    html = client.get(reverse("facilitate_cohort", args=[cohort.slug])).content.decode()
    assert "quorum-warning" not in html


def test_a_california_majority_is_needed(client, cohort, facilitator, people):
    council = Body.objects.create(name="Oakland City Council", body_type="city", state="CA",
                                  seats=5)
    for person in people[:2]:
        seat(cohort, member(person, council))
    client.force_login(facilitator)
    url = reverse("facilitate_cohort", args=[cohort.slug])
    assert "quorum-warning" not in client.get(url).content.decode()
    seat(cohort, member(people[2], council))
    html = client.get(url).content.decode()
    assert "3 members of Oakland City Council" in html
    assert "a majority of 5 seats is 3" in html


def test_the_session_page_warns_for_checked_in_learners_and_breakout_groups(
    client, cohort, facilitator, people, commission
):
    session = Session.objects.filter(cohort=cohort).first()
    enrollments = [seat(cohort, member(p, commission)) for p in people[:3]]
    Attendance.objects.create(session=session, enrollment=enrollments[0], status="present")
    client.force_login(facilitator)
    url = reverse("facilitate_session", args=[cohort.slug, session.pk])
    assert "quorum-warning" not in client.get(url).content.decode()
    breakouts = reverse("facilitate_breakouts", args=[cohort.slug, session.pk])
    data = {f"group_{e.pk}": name for e, name in zip(enrollments, ["A", "B", "A"], strict=True)}
    assert client.post(breakouts, data).status_code == 302
    html = client.get(url).content.decode()
    assert "2 members of Leon County Commission breakout group “A”" in html
    assert "breakout group “B”" not in html
    assert set(BreakoutPlacement.objects.values_list("group", flat=True)) == {"A", "B"}


def test_only_the_cohorts_facilitators_assign_groups(cohort, people, user_factory):
    session = Session.objects.filter(cohort=cohort).first()
    enrollment = seat(cohort, people[0])
    with pytest.raises(AttendanceError):
        breakouts_assign(session=session, actor=user_factory(), groups={enrollment.pk: "A"})
    assert not BreakoutPlacement.objects.exists()


def test_the_cohort_page_queries_do_not_grow_with_members(
    client, cohort, facilitator, people, commission, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seat(cohort, member(people[0], commission))
    seat(cohort, member(people[1], commission))
    client.force_login(facilitator)
    url = reverse("facilitate_cohort", args=[cohort.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    for person in people[2:7]:
        seat(cohort, member(person, commission))
    with CaptureQueriesContext(connection) as seven:
        html = client.get(url).content.decode()
    # every learner's terms and bodies in one query
    assert len(seven) == len(two)
    assert "7 members of Leon County Commission" in html


def test_the_breakouts_page_queries_do_not_grow_with_learners(
    client, cohort, facilitator, people, commission
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    session = Session.objects.filter(cohort=cohort).first()
    url = reverse("facilitate_breakouts", args=[cohort.slug, session.pk])
    first = [seat(cohort, member(p, commission)) for p in people[:2]]
    breakouts_assign(session=session, actor=facilitator, groups={e.pk: "A" for e in first})
    client.force_login(facilitator)
    client.get(url)
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    more = [seat(cohort, member(p, commission)) for p in people[2:8]]
    breakouts_assign(session=session, actor=facilitator,
                     groups={e.pk: "A" if i % 2 else "B" for i, e in enumerate(first + more)})
    with CaptureQueriesContext(connection) as eight:
        html = client.get(url).content.decode()
    # the seated learners, their groups and their terms: one query each, never per learner
    assert len(eight) == len(two)
    assert "breakout group “A”" in html and "breakout group “B”" in html
    assert html.count('name="group_') == 8
