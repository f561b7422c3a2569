"""Long work never in a request: without a broker (the embedded default), closing a cohort
answers at once and records the results in a background thread after the response."""

import threading
import time

import pytest
from django.db import connection

from cohorts.models import Enrollment
from cohorts.services import closing
from tests.conftest import UserFactory

from .conftest import make_cohort

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]


@pytest.fixture(autouse=True)
def _threads(settings):
    if connection.vendor != "postgresql":
        pytest.skip("threads need a database they can share: tested on PostgreSQL")
    settings.BACKGROUND_THREADS = True


def test_closing_answers_before_the_results_are_recorded(client, course, monkeypatch):
    facilitator = UserFactory()
    cohort = make_cohort(course, "big-close", status="in_progress", sessions=1,
                         start_in_days=-2, capacity=50, facilitators=[facilitator])
    for _ in range(30):
        Enrollment.objects.create(cohort=cohort, user=UserFactory(), status="enrolled")
    release, started = threading.Event(), threading.Event()
    record = closing.cohort_close_results

    def slow_results(**kwargs):  # holds the background work until the test lets it go
        started.set()
        assert release.wait(timeout=30)
        return record(**kwargs)

    monkeypatch.setattr("cohorts.tasks.cohort_close_results", slow_results)
    client.force_login(facilitator)
    began = time.monotonic()
    response = client.post(f"/facilitate/{cohort.slug}/close/")
    answered = time.monotonic() - began
    assert response.status_code == 302
    assert started.wait(timeout=10)  # the work runs, in another thread, after the answer
    assert Enrollment.objects.filter(cohort=cohort, status="enrolled").count() == 30
    release.set()
    deadline = time.monotonic() + 60
    while Enrollment.objects.filter(cohort=cohort, status="enrolled").exists():
        assert time.monotonic() < deadline, "the background work never finished"
        time.sleep(0.2)
    print(f"\nthe close answered in {answered:.2f} s; 30 results recorded after it")
    assert Enrollment.objects.filter(cohort=cohort, status="not_completed").count() == 30
