"""Two beat runs of the requirement reminders at once send one email per threshold; two
officials naming a new body at once share one body. On PostgreSQL (real commits)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from academy.models import Body, BodyMembership, OutboxEmail
from academy.services import MembershipRow, body_memberships_save
from certificates.requirements import requirement_reminders_send
from tests.cohorts.test_concurrency import run_at_once
from tests.conftest import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base"),
]


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL (set DATABASE_URL=postgres://...)")


def test_reminders_sent_by_two_runs_at_once_go_out_once():
    body = Body.objects.create(name="Dallas City Council", body_type="city", state="TX", seats=15)
    officials = [UserFactory() for _ in range(5)]
    for official in officials:
        BodyMembership.objects.create(user=official, body=body,
                                      oath_date=timezone.localdate() - timedelta(days=30))
    today = timezone.localdate()
    results, errors = run_at_once([lambda: requirement_reminders_send(today=today)] * 4)
    assert errors == []
    assert sum(results) == 5
    assert OutboxEmail.objects.filter(kind="requirement.reminder").count() == 5


def test_officials_naming_a_new_body_at_once_share_it():
    people = [UserFactory() for _ in range(6)]
    rows = [MembershipRow(body_name=name, body_type="county", state="FL", seats=7,
                          oath_date=date(2024, 11, 19))
            for name in ["Leon County Commission", "LEON COUNTY COMMISSION"] * 3]
    calls = [lambda p=p, r=r: body_memberships_save(user=p, rows=[r])
             for p, r in zip(people, rows, strict=True)]
    results, errors = run_at_once(calls)
    assert errors == []
    assert Body.objects.count() == 1
    assert BodyMembership.objects.count() == 6
