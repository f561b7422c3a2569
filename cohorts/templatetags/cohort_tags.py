"""Template tags that let curriculum pages show cohorts without courses importing cohorts."""

from django import template

from cohorts.models import Enrollment, EnrollmentStatus
from cohorts.selectors import upcoming_cohorts as _upcoming_cohorts

register = template.Library()


@register.simple_tag
def upcoming_cohorts(course):
    """`{% upcoming_cohorts page as cohorts %}`: open and running cohorts, one query."""
    if course is None or not getattr(course, "pk", None):
        return []
    return _upcoming_cohorts(course)


@register.simple_tag
def self_paced_enrollment(course, user):
    """`{% self_paced_enrollment page user as enrollment %}`: the learner's place in a
    self-paced course, or None (one query when signed in)."""
    if not getattr(user, "is_authenticated", False) or course is None:
        return None
    return Enrollment.objects.filter(
        cohort__course=course, cohort__self_paced=True, user=user
    ).exclude(status=EnrollmentStatus.WITHDRAWN).first()
