"""One certificate per enrollment whatever the number of concurrent requests, on
PostgreSQL: the service serialises on the enrollment row, and the database's unique
key is the last word even without that lock."""

import pytest
from django.db import IntegrityError, connection

import academy.tasks  # noqa: F401 - registers the email task a finished render queues
from certificates.credentials import status_list
from certificates.models import Certificate, StatusList
from certificates.services import (
    certificate_issue,
    certificate_render,
    certificate_revoke,
    credential_verify,
)
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


def _fake_pdf(data):
    return b"%PDF-1.4 test\n"


def _certificates(cohort, count):
    return [
        Certificate.objects.create(
            enrollment=enroll(cohort, UserFactory(), status="completed"),
            recipient_name=f"Learner {i}", course_title="C", cohort_title="K",
            issued_on="2026-11-24",
        )
        for i in range(count)
    ]


def test_concurrent_renders_take_distinct_status_bits(finished_cohort):
    """Ten renders at once, starting with no status list at all: one list is created,
    each certificate gets one bit, no bit is given twice."""
    certificates = _certificates(finished_cohort, 10)
    calls = [
        (lambda pk=c.pk: certificate_render(certificate_id=pk, render=_fake_pdf))
        for c in certificates
    ]
    results, errors = run_at_once(calls)
    assert not errors, errors
    assert all(results)
    rows = list(Certificate.objects.values_list("status_list__number", "status_list_index"))
    assert sorted(rows) == [(1, i) for i in range(10)]
    assert StatusList.objects.get().next_index == 10
    for certificate in Certificate.objects.all():
        assert credential_verify(certificate.credential).verified


def test_concurrent_revocations_each_flip_their_bit(finished_cohort, staff):
    """Revocations re-sign the list under its row lock: none overwrites another's bit."""
    certificates = _certificates(finished_cohort, 6)
    for certificate in certificates:
        certificate_render(certificate_id=certificate.pk, render=_fake_pdf)
    calls = [
        (lambda c=c: certificate_revoke(certificate=c, actor=staff, reason="Error.").pk)
        for c in certificates
    ]
    results, errors = run_at_once(calls)
    assert not errors, errors
    published = StatusList.objects.get().credential
    bits = status_list.decode(published["credentialSubject"]["encodedList"])
    assert [status_list.get_bit(bits, i) for i in range(7)] == [True] * 6 + [False]


def test_the_database_refuses_a_status_bit_given_twice(finished_cohort):
    """Control: whatever the code does, one (list, index) belongs to one certificate."""
    first, second = _certificates(finished_cohort, 2)
    certificate_render(certificate_id=first.pk, render=_fake_pdf)
    first.refresh_from_db()
    with pytest.raises(IntegrityError):
        Certificate.objects.filter(pk=second.pk).update(
            status_list=first.status_list, status_list_index=first.status_list_index
        )
