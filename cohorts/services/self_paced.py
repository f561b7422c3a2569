"""Self-paced courses: a learner starts when they like; finishing every required module
completes the course and (through the certificates app, by task name) earns the
certificate. Each self-paced course has one standing cohort with no sessions, so My
learning, certificates and verification work as for any cohort."""

from django.utils import timezone
from django.utils.translation import gettext as _

from academy.background import enqueue
from courses.models import CourseFormat
from courses.selectors import required_modules_done

from ..models import Cohort, CohortStatus, Enrollment, EnrollmentStatus
from .enrollment import enrollment_create, set_status
from .errors import EnrollmentError
from .locking import cohort_transaction, lock_enrollment

CERTIFICATE_TASK = "certificates.issue_self_paced"


def self_paced_cohort(course) -> Cohort:
    """The course's standing cohort (made on first use)."""
    cohort, _created = Cohort.objects.get_or_create(
        course=course, self_paced=True,
        defaults={
            "slug": f"{course.slug}-self-paced"[:100], "title": "Self-paced",
            "status": CohortStatus.OPEN, "capacity": 0, "waitlist_enabled": False,
            "min_attendance_percent": 0,
            "description": "Work through the modules at your own pace.",
        },
    )
    return cohort


def self_paced_start(*, course, user) -> Enrollment:
    """"Start this course": the learner is enrolled in the course's standing cohort (the
    original course's, when started from a translation)."""
    course = course.original
    if course.format != CourseFormat.SELF_PACED:
        raise EnrollmentError(_("This course is taught in cohorts; choose a cohort to join."))
    cohort = self_paced_cohort(course)
    existing = Enrollment.objects.filter(cohort=cohort, user=user).first()
    if existing is not None and existing.status in (
        EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED
    ):
        return existing
    return enrollment_create(cohort=cohort, user=user)


def self_paced_check(*, course, user):
    """After a module is completed: a learner who has started the self-paced course and
    has done every required module completes it (once)."""
    course = course.original
    enrollment = Enrollment.objects.filter(
        cohort__course=course, cohort__self_paced=True, user=user,
        status=EnrollmentStatus.ENROLLED,
    ).first()
    if enrollment is None:
        return None
    done, required = required_modules_done({user.pk}, course)[user.pk]
    if required == 0 or done < required:
        return None
    with cohort_transaction():
        enrollment = lock_enrollment(enrollment.pk)
        if enrollment.status != EnrollmentStatus.ENROLLED:
            return enrollment
        set_status(enrollment, EnrollmentStatus.COMPLETED, actor=user, kind="completed",
                   now=timezone.now())
        enqueue(CERTIFICATE_TASK, enrollment.pk)
    return enrollment
