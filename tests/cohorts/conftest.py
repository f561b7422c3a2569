"""Cohort fixtures: a cohort factory, facilitators, and a helper to enroll people."""

from datetime import timedelta

import pytest
from django.utils import timezone

from academy.models import facilitators_group
from cohorts.models import Cohort, Session
from tests.conftest import UserFactory


def make_cohort(course, slug="spring-cohort", *, sessions=2, facilitators=(), start_in_days=7,
                **fields):
    fields = {
        "title": "Spring cohort",
        "status": "open",
        "capacity": 5,
        "time_zone": "America/Chicago",
        **fields,
    }
    cohort = Cohort.objects.create(course=course, slug=slug, **fields)
    cohort.facilitators.set(facilitators)
    make_sessions(cohort, sessions, start_in_days=start_in_days)
    return cohort


def make_sessions(cohort, count, *, start_in_days=7):
    first = timezone.now().replace(microsecond=0) + timedelta(days=start_in_days)
    Session.objects.bulk_create(
        [
            Session(
                cohort=cohort,
                title=f"Session {i + 1}",
                starts_at=first + timedelta(weeks=i),
                ends_at=first + timedelta(weeks=i, minutes=90),
                video_url="https://meet.example.org/room",
                check_in_code=f"C{cohort.pk:03d}{i:04d}",
            )
            for i in range(count)
        ]
    )


@pytest.fixture
def facilitator(db):
    user = UserFactory(email="facilitator@example.org", first_name="Marcus", last_name="Bell")
    user.groups.add(facilitators_group())
    return user


@pytest.fixture
def cohort(course, facilitator):
    return make_cohort(course, facilitators=[facilitator])


@pytest.fixture
def people(user_factory):
    return [user_factory() for _ in range(8)]
