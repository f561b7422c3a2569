"""One certificate per enrollment whatever the number of concurrent requests, on
PostgreSQL: the service serialises on the enrollment row, and the database's unique
key is the last word even without that lock."""

import pytest
from django.db import IntegrityError, connection

from certificates.models import Certificate
from certificates.services import certificate_issue
from tests.cohorts.test_concurrency import run_at_once
from tests.conftest import UserFactory

from .conftest import enroll

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base"),  # see tests/conftest.py
]


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL (set DATABASE_URL=postgres://...)")


def test_concurrent_issue_gives_one_certificate(finished_cohort, facilitator):
    enrollment = enroll(finished_cohort, UserFactory(first_name="Ana", last_name="Soto"))
    calls = [
        lambda: (
            certificate_issue(
                enrollment=enrollment, actor=facilitator, override_reason="Make-up work."
            ).pk
        )
        for _ in range(12)
    ]
    results, errors = run_at_once(calls)
    assert not errors, errors
    assert len(set(results)) == 1
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    print(f"\n12 concurrent issue calls -> {Certificate.objects.count()} certificate")


def test_the_database_allows_one_certificate_per_enrollment(finished_cohort):
    """Control: bypass the service (no lock, no check) and insert from many connections
    at once; the unique key lets exactly one through."""
    enrollment = enroll(finished_cohort, UserFactory())

    def insert():
        try:
            Certificate.objects.create(
                enrollment_id=enrollment.pk,
                recipient_name="X",
                course_title="C",
                cohort_title="K",
                issued_on="2026-11-24",
            )
            return "created"
        except IntegrityError:
            return "refused"

    results, errors = run_at_once([insert] * 12)
    assert not errors, errors
    assert sorted(results).count("created") == 1
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
