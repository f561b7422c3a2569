"""Capacity under concurrency, on PostgreSQL (pretix's practice: a control test with the
lock taken away shows the same scenario overbooking, so these tests are able to fail).

Run with DATABASE_URL=postgres://... ; `pytest -s` prints the figures.
"""

import threading
import time

import pytest
from django.db import connection, transaction

from cohorts.models import Cohort, Enrollment, EnrollmentEvent
from cohorts.services import CohortBusy, enrollment_create, enrollment_withdraw
from cohorts.services import enrollment as enrollment_rules
from tests.conftest import UserFactory

from .conftest import make_cohort

pytestmark = [
    pytest.mark.postgres,
    # Real commits from many connections (wagtail_base: see tests/conftest.py).
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_base"),
]

THREADS = 20
SEATS = 5


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "concurrency is tested on PostgreSQL (set DATABASE_URL=postgres://...): SQLite "
            "has no row locks; its writers are serialised by BEGIN IMMEDIATE instead"
        )


def run_at_once(calls):
    """Run each callable in its own thread, all released together by a barrier."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def worker(i, call):
        try:
            barrier.wait(timeout=30)
            results[i] = call()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results, errors


def status_counts(cohort):
    rows = Enrollment.objects.filter(cohort=cohort)
    return rows.filter(status="enrolled").count(), rows.filter(status="waitlisted").count()


def test_concurrent_enrollments_never_exceed_capacity(course):
    cohort = make_cohort(course, "race", capacity=SEATS)
    people = [UserFactory() for _ in range(THREADS)]
    started = time.monotonic()
    results, errors = run_at_once(
        [lambda p=p: enrollment_create(cohort=cohort, user=p) for p in people]
    )
    elapsed = time.monotonic() - started
    assert errors == []
    enrolled, waitlisted = status_counts(cohort)
    print(f"\nlocked: {THREADS} threads into a {SEATS}-seat cohort -> {enrolled} enrolled, "
          f"{waitlisted} waitlisted in {elapsed:.2f} s")
    assert (enrolled, waitlisted) == (SEATS, THREADS - SEATS)
    # Arrival order is the order in which requests got the cohort lock (and committed):
    # rows are numbered and timestamped under the lock. The first five got the seats and
    # the waitlist follows that order exactly.
    by_arrival = list(Enrollment.objects.filter(cohort=cohort).order_by("created_at", "pk"))
    assert [e.pk for e in by_arrival] == sorted(e.pk for e in by_arrival)
    assert {e.status for e in by_arrival[:SEATS]} == {"enrolled"}
    waitlist = list(Enrollment.objects.waitlist().filter(cohort=cohort))
    assert waitlist == by_arrival[SEATS:]
    assert [e.waitlist_position for e in waitlist] == list(range(1, THREADS - SEATS + 1))


def test_concurrent_withdrawals_promote_exactly_as_many_as_freed(course):
    cohort = make_cohort(course, "withdrawals", capacity=SEATS)
    people = [UserFactory() for _ in range(THREADS)]
    rows = [enrollment_create(cohort=cohort, user=p) for p in people]
    leaving = rows[:4]  # four enrolled people withdraw at the same moment
    expected_promoted = [e.pk for e in rows[SEATS:SEATS + 4]]
    newcomers = [UserFactory() for _ in range(2)]
    _, errors = run_at_once(
        [lambda e=e: enrollment_withdraw(enrollment=e, actor=e.user) for e in leaving]
        + [lambda p=p: enrollment_create(cohort=cohort, user=p) for p in newcomers]
    )
    assert errors == []
    enrolled, waitlisted = status_counts(cohort)
    promoted = list(
        EnrollmentEvent.objects.filter(enrollment__cohort=cohort, kind="promoted")
        .order_by("enrollment__waitlisted_at").values_list("enrollment_id", flat=True)
    )
    print(f"\nlocked: 4 concurrent withdrawals + 2 new enrollments -> {len(promoted)} promoted, "
          f"{enrolled} enrolled, {waitlisted} waitlisted")
    assert enrolled == SEATS
    assert sorted(promoted) == sorted(expected_promoted)  # the head of the waitlist, in order
    assert waitlisted == THREADS - SEATS - 4 + len(newcomers)
    # Newcomers arriving at the same moment never jump the waitlist for a freed seat.
    assert set(Enrollment.objects.filter(user__in=newcomers).values_list("status", flat=True)
               ) == {"waitlisted"}


def test_control_without_the_lock_overbooks(course, monkeypatch):
    """The same race with the lock taken away, from the test side (as pretix's tests do):
    count-then-insert lets extra people in.

    Rounds run first as they are; if the scheduler happened to serialise the threads,
    later rounds wrap the seat count so it pauses 50 ms after counting, which makes the
    race show reliably.
    """
    from cohorts.models import Cohort as CohortModel

    monkeypatch.setattr(enrollment_rules, "lock_cohort",
                        lambda pk: CohortModel.objects.select_related("course").get(pk=pk))
    count_seats = enrollment_rules.seats_taken
    figures = []
    for round_, pause in enumerate((0.0, 0.0, 0.05, 0.05)):
        if pause:
            def slow_count(cohort, pause=pause):
                taken = count_seats(cohort)
                time.sleep(pause)
                return taken

            monkeypatch.setattr(enrollment_rules, "seats_taken", slow_count)
        cohort = make_cohort(course, f"control-{round_}", capacity=SEATS)
        people = [UserFactory() for _ in range(THREADS)]
        _, errors = run_at_once(
            [lambda p=p, c=cohort: enrollment_create(cohort=c, user=p) for p in people]
        )
        assert errors == []
        enrolled, waitlisted = status_counts(cohort)
        figures.append((pause, enrolled, waitlisted))
        if enrolled > SEATS:
            break
    print(f"\nunlocked (control): {THREADS} threads into a {SEATS}-seat cohort -> "
          + "; ".join(f"pause {w * 1000:.0f} ms: {e} enrolled, {q} waitlisted"
                      for w, e, q in figures)
          + f" (overbooked by {figures[-1][1] - SEATS})")
    assert figures[-1][1] > SEATS, "the control race did not overbook; the test proves nothing"
    assert Cohort.objects.count() == len(figures)


def test_a_held_lock_makes_others_wait_a_bounded_time(course, settings, client):
    """A transaction stuck on a cohort's row: enrolling answers "busy, try again" after the
    lock timeout, as a message on the page, never a hang or a 500."""
    settings.COHORT_LOCK_TIMEOUT_MS = 300
    cohort = make_cohort(course, "stuck", capacity=SEATS)
    person = UserFactory()
    holding, release = threading.Event(), threading.Event()

    def hold_the_lock():
        with transaction.atomic():
            Cohort.objects.select_for_update().get(pk=cohort.pk)
            holding.set()
            release.wait(timeout=30)
        connection.close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    try:
        assert holding.wait(timeout=10)
        started = time.monotonic()
        with pytest.raises(CohortBusy):
            enrollment_create(cohort=cohort, user=person)
        waited = time.monotonic() - started
        client.force_login(person)
        response = client.post(f"/cohorts/{cohort.slug}/enroll/", {"hopes": ""})
        assert response.status_code == 200
        assert "The cohort is busy" in response.content.decode()
    finally:
        release.set()
        holder.join(timeout=30)
    print(f"\nbusy: gave up after {waited:.2f} s (timeout 0.3 s)")
    assert waited < 5
    assert not Enrollment.objects.filter(cohort=cohort).exists()
    enrollment_create(cohort=cohort, user=person)  # once the lock is free, it works


def test_closing_while_a_learner_withdraws_gives_one_consistent_result(course):
    from cohorts.services import cohort_close, cohort_close_results

    facilitator = UserFactory()
    for round_ in range(3):
        cohort = make_cohort(course, f"close-{round_}", status="in_progress", sessions=1,
                             start_in_days=-2, facilitators=[facilitator])
        rows = [enrollment_create(cohort=cohort, user=UserFactory()) for _ in range(4)]
        leaving = rows[0]
        _, errors = run_at_once([
            lambda c=cohort: cohort_close(cohort=c, actor=facilitator),
            lambda e=leaving: enrollment_withdraw(enrollment=e, actor=e.user),
        ])
        cohort_close_results(cohort_id=cohort.pk, actor=facilitator)
        leaving.refresh_from_db()
        # Either the withdrawal came first (and the learner has no result) or the close did
        # (and the withdrawal was refused): never both, never a half state.
        if leaving.status == "withdrawn":
            assert errors == []
        else:
            assert leaving.status == "not_completed"
            assert len(errors) == 1 and "nothing to withdraw" in str(errors[0])
        statuses = set(Enrollment.objects.filter(cohort=cohort).exclude(pk=leaving.pk)
                       .values_list("status", flat=True))
        assert statuses == {"not_completed"}


def test_two_facilitators_closing_at_once_close_it_once(course):
    from cohorts.models import CohortEvent
    from cohorts.services import EnrollmentError, cohort_close

    first, second = UserFactory(), UserFactory()
    cohort = make_cohort(course, "twice", status="in_progress", sessions=1, start_in_days=-2,
                         facilitators=[first, second])
    results, errors = run_at_once([lambda a=a: cohort_close(cohort=cohort, actor=a)
                                   for a in (first, second)])
    assert len([r for r in results if r is not None]) == 1
    assert len(errors) == 1 and isinstance(errors[0], EnrollmentError)
    assert "already finished" in str(errors[0]) or "results are final" in str(errors[0])
    assert CohortEvent.objects.filter(cohort=cohort, kind="closed").count() == 1
