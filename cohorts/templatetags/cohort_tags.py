"""Template tags that let curriculum pages show cohorts without courses importing cohorts."""

from django import template

from cohorts.models import Cohort, Enrollment, EnrollmentStatus
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
        cohort__in=Cohort.objects.of_course(course), cohort__self_paced=True, user=user
    ).exclude(status=EnrollmentStatus.WITHDRAWN).first()


@register.simple_tag(takes_context=True)
def facilitator_view(context, course):
    """`{% facilitator_view course as facilitator_view %}`: whether the page may show what
    only facilitators see (facilitator notes, discussion guidance): to academy staff, to
    the facilitators of the course's cohorts, and in an editor's preview. At most one
    query, none for anonymous visitors and staff."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if getattr(request, "is_preview", False) or getattr(user, "is_staff", False):
        return True
    if course is None or not getattr(user, "is_authenticated", False):
        return False
    return Cohort.objects.managed_by(user).of_course(course).exists()
