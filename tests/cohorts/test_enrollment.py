"""The enrollment rules in cohorts.services, against the database."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cohorts import services
from cohorts.models import Enrollment, EnrollmentEvent

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


def enroll(cohort, user, **kw):
    return services.enrollment_create(cohort=cohort, user=user, **kw)


def test_open_cohort_with_seats_enrolls(cohort, official):
    e = enroll(cohort, official, hopes="Budgets", accessibility_needs="Captions",
               share_name=True)
    assert e.status == "enrolled"
    assert (e.hopes, e.accessibility_needs, e.share_name) == ("Budgets", "Captions", True)
    event = e.events.get()
    assert (event.from_status, event.to_status, event.actor, event.kind) == (
        "", "enrolled", official, "enrolled")


def test_full_cohort_waitlists_in_order(cohort, people):
    results = [enroll(cohort, p) for p in people]
    assert [e.status for e in results] == ["enrolled"] * 5 + ["waitlisted"] * 3
    assert [e.waitlist_position for e in results[5:]] == [1, 2, 3]
    assert list(Enrollment.objects.waitlist()) == results[5:]


def test_capacity_zero_means_waitlist_only(course, official):
    cohort = make_cohort(course, capacity=0)
    assert enroll(cohort, official).status == "waitlisted"


def test_full_without_waitlist_refuses(course, people):
    cohort = make_cohort(course, capacity=1, waitlist_enabled=False)
    enroll(cohort, people[0])
    with pytest.raises(services.EnrollmentError, match="full"):
        enroll(cohort, people[1])


def test_approval_cohort_makes_applicants_pending(course, official):
    cohort = make_cohort(course, enrollment_mode="approval")
    e = enroll(cohort, official)
    assert e.status == "pending"
    assert e.events.get().kind == "received"


@pytest.mark.parametrize("status", ["draft", "cancelled", "finished"])
def test_closed_statuses_cannot_be_joined(course, official, status):
    cohort = make_cohort(course, status=status)
    with pytest.raises(services.EnrollmentError, match="does not take enrollments"):
        enroll(cohort, official)
    assert not Enrollment.objects.exists()


def test_in_progress_cohort_can_be_joined(course, official):
    cohort = make_cohort(course, status="in_progress")
    assert enroll(cohort, official).status == "enrolled"


def test_enrollment_window(course, official):
    now = timezone.now()
    early = make_cohort(course, "early", enrollment_opens_at=now + timedelta(days=1))
    with pytest.raises(services.EnrollmentError, match="Enrollment opens on"):
        enroll(early, official)
    late = make_cohort(course, "late", enrollment_closes_at=now - timedelta(minutes=1))
    with pytest.raises(services.EnrollmentError, match="closed"):
        enroll(late, official)
    inside = make_cohort(course, "inside", enrollment_opens_at=now - timedelta(days=1),
                         enrollment_closes_at=now + timedelta(days=1))
    assert enroll(inside, official).status == "enrolled"


def test_duplicate_enrollment_is_refused(cohort, official):
    enroll(cohort, official)
    with pytest.raises(services.EnrollmentError, match="already enrolled") as info:
        enroll(cohort, official)
    assert info.value.code == "duplicate"
    assert Enrollment.objects.count() == 1


def test_facilitator_cannot_enroll_in_own_cohort(cohort, facilitator):
    with pytest.raises(services.EnrollmentError, match="You facilitate this cohort"):
        enroll(cohort, facilitator)


def test_anonymous_cannot_enroll(cohort):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(services.EnrollmentError, match="log in"):
        enroll(cohort, AnonymousUser())


def test_withdraw_promotes_first_waitlisted_in_same_transaction(cohort, people):
    rows = [enroll(cohort, p) for p in people]
    services.enrollment_withdraw(enrollment=rows[0], actor=people[0])
    statuses = {e.pk: e.status for e in Enrollment.objects.all()}
    assert statuses[rows[0].pk] == "withdrawn"
    assert statuses[rows[5].pk] == "enrolled"  # first on the waitlist
    assert statuses[rows[6].pk] == "waitlisted"
    rows[6].refresh_from_db()
    assert rows[6].waitlist_position == 1
    promoted = EnrollmentEvent.objects.get(enrollment=rows[5], kind="promoted")
    assert (promoted.from_status, promoted.to_status) == ("waitlisted", "enrolled")


def test_withdrawing_from_waitlist_promotes_nobody(cohort, people):
    rows = [enroll(cohort, p) for p in people]
    services.enrollment_withdraw(enrollment=rows[5], actor=people[5])
    assert Enrollment.objects.filter(status="enrolled").count() == 5
    rows[6].refresh_from_db()
    assert rows[6].waitlist_position == 1


def test_withdrawn_person_reenrolls_on_same_row_with_history(cohort, official):
    first = enroll(cohort, official, hopes="first")
    services.enrollment_withdraw(enrollment=first, actor=official)
    again = enroll(cohort, official, hopes="second")
    assert again.pk == first.pk and again.status == "enrolled" and again.hopes == "second"
    assert list(again.events.values_list("from_status", "to_status")) == [
        ("", "enrolled"), ("enrolled", "withdrawn"), ("withdrawn", "enrolled")]


def test_cannot_act_on_someone_elses_enrollment(cohort, official, user_factory):
    e = enroll(cohort, official)
    with pytest.raises(services.EnrollmentNotFound):
        services.enrollment_withdraw(enrollment=e, actor=user_factory())
    with pytest.raises(services.EnrollmentNotFound):
        services.enrollment_approve(enrollment=e, actor=official)
    e.refresh_from_db()
    assert e.status == "enrolled"


def test_cannot_withdraw_twice(cohort, official):
    e = enroll(cohort, official)
    services.enrollment_withdraw(enrollment=e, actor=official)
    with pytest.raises(services.EnrollmentError, match="cannot withdraw"):
        services.enrollment_withdraw(enrollment=e, actor=official)


def test_approve_enrolls_or_waitlists_when_full(course, facilitator, people):
    cohort = make_cohort(course, capacity=1, enrollment_mode="approval",
                         facilitators=[facilitator])
    a, b = enroll(cohort, people[0]), enroll(cohort, people[1])
    services.enrollment_approve(enrollment=a, actor=facilitator, message="Welcome!")
    services.enrollment_approve(enrollment=b, actor=facilitator)
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, a.decision_message) == ("enrolled", "Welcome!")
    assert b.status == "waitlisted" and b.waitlist_position == 1
    with pytest.raises(services.EnrollmentError, match="awaiting approval"):
        services.enrollment_approve(enrollment=a, actor=facilitator)


def test_staff_can_approve_any_cohort(course, staff, official):
    cohort = make_cohort(course, enrollment_mode="approval")
    e = enroll(cohort, official)
    assert services.enrollment_approve(enrollment=e, actor=staff).status == "enrolled"


def test_decline_with_message_and_no_self_reapply(course, facilitator, official):
    cohort = make_cohort(course, enrollment_mode="approval", facilitators=[facilitator])
    e = enroll(cohort, official)
    services.enrollment_decline(enrollment=e, actor=facilitator, message="Next time!")
    e.refresh_from_db()
    assert (e.status, e.decision_message) == ("declined", "Next time!")
    with pytest.raises(services.EnrollmentError, match="declined"):
        enroll(cohort, official)


def test_decline_from_waitlist_and_remove_free_seats(cohort, facilitator, people):
    rows = [enroll(cohort, p) for p in people]
    services.enrollment_decline(enrollment=rows[5], actor=facilitator)
    services.enrollment_remove(enrollment=rows[0], actor=facilitator, message="Moved away")
    statuses = dict(Enrollment.objects.values_list("pk", "status"))
    assert statuses[rows[5].pk] == "declined"
    assert statuses[rows[0].pk] == "removed"
    assert statuses[rows[6].pk] == "enrolled"  # rows[5] was declined, so rows[6] was next
    assert statuses[rows[7].pk] == "waitlisted"
    with pytest.raises(services.EnrollmentError, match="Only enrolled people"):
        services.enrollment_remove(enrollment=rows[7], actor=facilitator)


def test_promote_by_hand_out_of_turn_may_exceed_capacity(cohort, facilitator, people):
    rows = [enroll(cohort, p) for p in people]
    promoted = services.enrollment_promote(enrollment=rows[7], actor=facilitator)
    assert Enrollment.objects.seated().count() == 6
    rows[6].refresh_from_db()
    assert promoted.status == "enrolled" and rows[6].waitlist_position == 2
    with pytest.raises(services.EnrollmentError, match="Only people on the waitlist"):
        services.enrollment_promote(enrollment=rows[0], actor=facilitator)


def test_raised_capacity_goes_to_the_waitlist_before_newcomers(cohort, people):
    rows = [enroll(cohort, p) for p in people[:7]]
    cohort.capacity = 6
    cohort.save()
    newcomer = enroll(cohort, people[7])
    rows[5].refresh_from_db()
    assert rows[5].status == "enrolled"
    assert newcomer.status == "waitlisted" and newcomer.waitlist_position == 2
