"""Completion progress (cohorts.progress): attendance rate, modules, eligibility, on track."""

import pytest
from django.utils import timezone

from cohorts.models import Enrollment
from cohorts.progress import cohort_attendance, enrollments_progress, learners_at_risk
from cohorts.services import attendance_record
from courses.models import ModuleCompletion

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(course, facilitator):
    """Four weekly sessions: three held, one next week."""
    return make_cohort(course, "running", sessions=4, start_in_days=-15, status="in_progress",
                       facilitators=[facilitator], min_attendance_percent=75)


def mark(cohort, enrollment, statuses, actor):
    for session, status in zip(cohort.sessions.all(), statuses, strict=False):
        if status:
            attendance_record(session=session, enrollment=enrollment, status=status, actor=actor)


def complete(user, modules):
    for m in modules:
        ModuleCompletion.objects.create(user=user, module=m, completed_at=timezone.now())


def test_rates_counts_and_eligibility(running, facilitator, people, modules):
    a, b, c = (Enrollment.objects.create(cohort=running, user=p, status="enrolled")
               for p in people[:3])
    mark(running, a, ["present", "late", "excused"], facilitator)  # 2 / 2
    mark(running, b, ["present", None, "absent"], facilitator)  # 1 / 3
    complete(a.user, modules[:2])
    complete(b.user, modules)
    p = cohort_attendance(running).progress
    assert p[a.pk].sessions_held == 3
    assert (p[a.pk].attended, p[a.pk].late, p[a.pk].excused, p[a.pk].absent) == (2, 1, 1, 0)
    assert p[a.pk].attendance_percent == 100.0
    assert (p[a.pk].modules_done, p[a.pk].modules_required) == (2, 2)
    assert p[a.pk].eligible and p[a.pk].on_track
    assert (p[b.pk].attended, p[b.pk].absent) == (1, 2)  # unmarked counts as absent
    assert round(p[b.pk].attendance_percent, 1) == 33.3
    assert p[b.pk].modules_ok and not p[b.pk].attendance_ok and not p[b.pk].eligible
    # 1 attended + 1 remaining of 4: 50% < 75%, cannot make it any more
    assert not p[b.pk].on_track
    assert p[c.pk].attended == 0 and p[c.pk].absent == 3 and p[c.pk].modules_done == 0
    assert enrollments_progress([a])[a.pk] == p[a.pk]


def test_the_dashboards_at_risk_count_agrees_with_each_learners_progress(
        running, course, facilitator, people, modules):
    """The dashboard counts learners at risk without building their progress: the same
    learners as the roster's "At risk", in each cohort, and none for a finished cohort."""
    other = make_cohort(course, "other", sessions=2, start_in_days=-8, status="in_progress",
                        facilitators=[facilitator], min_attendance_percent=100)
    a, b, c, d = (Enrollment.objects.create(cohort=running, user=p, status="enrolled")
                  for p in people[:4])
    e = Enrollment.objects.create(cohort=other, user=people[4], status="enrolled")
    Enrollment.objects.create(cohort=other, user=people[5], status="waitlisted")
    mark(running, a, ["present", "late", "excused"], facilitator)  # on track
    mark(running, b, ["present", None, "absent"], facilitator)  # 2 of 4 at best: at risk
    mark(running, c, ["excused", "excused", "absent"], facilitator)  # 1 of 2 at best: at risk
    mark(running, d, ["absent", "absent"], facilitator)  # at risk
    mark(other, e, ["absent"], facilitator)  # 100% needed: at risk
    complete(a.user, modules)
    progress = cohort_attendance(running).progress
    expected = sum(not progress[x.pk].on_track for x in (a, b, c, d))
    assert expected == 3
    assert sum(not p.on_track for p in cohort_attendance(other).progress.values()) == 1
    assert learners_at_risk([running, other]) == {running.pk: 3, other.pk: 1}
    running.status = "finished"
    assert learners_at_risk([running]) == {}


def test_boundary_is_inclusive_and_all_excused_is_none(running, facilitator, people):
    a, b = (Enrollment.objects.create(cohort=running, user=p, status="enrolled")
            for p in people[:2])
    mark(running, a, ["present", "present", "absent"], facilitator)
    running.min_attendance_percent = 66
    running.save()
    assert enrollments_progress([a])[a.pk].attendance_ok  # 66.67 >= 66
    mark(running, b, ["excused", "excused", "excused"], facilitator)
    pb = enrollments_progress([b])[b.pk]
    assert pb.attendance_percent is None and not pb.attendance_ok and pb.on_track


def test_finished_cohort_on_track_means_eligible(course, facilitator, people, modules):
    done = make_cohort(course, "done", sessions=2, start_in_days=-20, status="in_progress",
                       facilitators=[facilitator], min_attendance_percent=50)
    a, b = (Enrollment.objects.create(cohort=done, user=p, status="enrolled")
            for p in people[:2])
    mark(done, a, ["present", "absent"], facilitator)
    mark(done, b, ["present", "present"], facilitator)
    complete(a.user, modules[:2])
    done.status = "finished"  # attendance is final once a cohort is finished
    p = cohort_attendance(done).progress
    assert p[a.pk].eligible and p[a.pk].on_track
    assert not p[b.pk].eligible and not p[b.pk].on_track  # modules missing


def test_no_modules_required_is_ok(catalog, facilitator, people):
    from tests.conftest import make_course

    bare = make_course(catalog, "No modules yet")
    cohort = make_cohort(bare, "bare", sessions=1, start_in_days=-3, facilitators=[facilitator])
    e = Enrollment.objects.create(cohort=cohort, user=people[0], status="enrolled")
    mark(cohort, e, ["present"], facilitator)
    p = enrollments_progress([e])[e.pk]
    assert (p.modules_done, p.modules_required, p.modules_ok, p.eligible) == (0, 0, True, True)


def test_cohort_attendance_query_count_is_constant(running, facilitator, user_factory,
                                                 django_assert_num_queries, modules):
    cohort = running.__class__.objects.select_related("course").get(pk=running.pk)
    users = [user_factory() for _ in range(3)]
    rows = [Enrollment.objects.create(cohort=running, user=u, status="enrolled") for u in users]
    mark(running, rows[0], ["present"], facilitator)
    # seats, sessions, counted marks, required modules, completions, per-session totals:
    # the same for 3 and for 13 learners (not a few per learner)
    with django_assert_num_queries(6):
        assert len(cohort_attendance(cohort).progress) == 3
    more = [user_factory() for _ in range(10)]
    for u in more:
        Enrollment.objects.create(cohort=running, user=u, status="enrolled")
    with django_assert_num_queries(6):
        assert len(cohort_attendance(cohort).progress) == 13
