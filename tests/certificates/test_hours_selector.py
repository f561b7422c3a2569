"""One hours selector: session durations actually attended, plus a self-paced course's
credit hours; certificates and transcripts read the same numbers."""

from decimal import Decimal

from certificates.selectors import attended_hours, completed_courses
from certificates.services import certificate_issue
from cohorts.models import Attendance, EnrollmentStatus, Session
from cohorts.services import self_paced_cohort
from tests.certificates.conftest import enroll
from tests.conftest import make_course


def mark(enrollment, statuses):
    sessions = list(Session.objects.filter(cohort=enrollment.cohort).order_by("starts_at"))
    Attendance.objects.bulk_create(
        Attendance(session=s, enrollment=enrollment, status=st)
        for s, st in zip(sessions, statuses, strict=False)
    )


def test_hours_are_the_sessions_attended_present_or_late(finished_cohort, learner):
    enrollment = enroll(finished_cohort, learner, EnrollmentStatus.COMPLETED)
    mark(enrollment, ["present", "late", "absent"])  # 90-minute sessions
    assert attended_hours([enrollment]) == {enrollment.pk: Decimal("3.0")}


def test_a_cancelled_session_counts_for_nothing(finished_cohort, learner):
    enrollment = enroll(finished_cohort, learner, EnrollmentStatus.COMPLETED)
    mark(enrollment, ["present", "present", "present"])
    first = Session.objects.filter(cohort=finished_cohort).order_by("starts_at").first()
    first.cancelled_at = first.starts_at
    first.save()
    assert attended_hours([enrollment])[enrollment.pk] == Decimal("3.0")


def test_a_self_paced_course_counts_its_credit_hours_once_completed(catalog, learner):
    course = make_course(catalog, "Public records basics", fmt="self_paced")
    cohort = self_paced_cohort(course)
    enrollment = enroll(cohort, learner)
    assert attended_hours([enrollment])[enrollment.pk] == Decimal(0)
    enrollment.status = EnrollmentStatus.COMPLETED
    enrollment.save()
    assert attended_hours([enrollment])[enrollment.pk] == Decimal(6)


def test_the_certificate_and_the_transcript_show_the_same_hours(finished_cohort, learner,
                                                                 facilitator):
    enrollment = enroll(finished_cohort, learner, EnrollmentStatus.COMPLETED)
    mark(enrollment, ["present", "absent", "present"])
    certificate = certificate_issue(enrollment=enrollment, actor=facilitator)
    [row] = completed_courses([learner.pk])[learner.pk]
    assert certificate.hours == row.hours_attended == Decimal("3.0")
    assert row.credit_hours == Decimal(6)
    assert row.certificate_code == certificate.code
    last = Session.objects.filter(cohort=finished_cohort).order_by("starts_at").last()
    assert row.completed_on == (last.ends_at.astimezone(finished_cohort.tzinfo)).date()


def test_completed_courses_take_the_same_queries_for_one_or_many(
    catalog, finished_cohort, learner, django_assert_num_queries
):
    enroll(finished_cohort, learner, EnrollmentStatus.COMPLETED)
    completed_courses([learner.pk])
    with django_assert_num_queries(3) as one:
        completed_courses([learner.pk])
    for index in range(5):
        course = make_course(catalog, f"Course {index}")
        from tests.cohorts.conftest import make_cohort

        cohort = make_cohort(course, f"c-{index}", start_in_days=-30 - index * 10)
        mark(enroll(cohort, learner, EnrollmentStatus.COMPLETED), ["present", "present"])
    completed_courses([learner.pk])  # the site's root paths, cached after the first read
    # enrollments with their sessions' dates, attendance sums, co-authors: never per row
    with django_assert_num_queries(len(one.captured_queries)):
        rows = completed_courses([learner.pk])[learner.pk]
    assert len(rows) == 6
    assert rows == sorted(rows, key=lambda r: r.completed_on)
