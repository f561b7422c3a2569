"""Cohort fixtures: a cohort factory, facilitators, and a helper to enroll people."""

from datetime import timedelta

import pytest
from django.utils import timezone

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
    return UserFactory(email="facilitator@example.org", first_name="Marcus", last_name="Bell")


@pytest.fixture
def cohort(course, facilitator):
    return make_cohort(course, facilitators=[facilitator])


@pytest.fixture
def people(user_factory):
    return [user_factory() for _ in range(8)]


@pytest.fixture(scope="module")
def restore_migrated_data(django_db_blocker):
    """For modules of transactional tests with serialized_rollback: put back the rows the
    migrations made (Wagtail's root page, site, collections, content types) once the
    module is done. Django restores them at the start of the next serialized test only,
    and flushes with post_migrate inhibited, so without this the transactional tests that
    follow (live_server, e2e) would start from an empty database."""
    yield
    from django.db import connection, transaction

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        with django_db_blocker.unblock(), transaction.atomic():
            connection.creation.deserialize_db_from_string(contents)
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()
