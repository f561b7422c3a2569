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


@pytest.fixture
def wagtail_base(transactional_db):
    """For transactional tests: start from a flushed database with what the migrations
    would have made (content types, permissions, locale, root page), whatever earlier
    transactional tests left behind. serialized_rollback is not used: reloading its
    snapshot into a flushed PostgreSQL database collides with content types that
    Wagtail's signal handlers recreate on the way."""
    from django.core.management import call_command
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    call_command("flush", interactive=False, verbosity=0)  # post_migrate: content types
    from django.conf import settings

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", live=True))
