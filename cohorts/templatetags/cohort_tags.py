"""Template tags that let curriculum pages show cohorts without courses importing cohorts."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from academy.public_cache import remembered
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
def upcoming_cohort_list(course):
    """`{% upcoming_cohort_list page %}`: the course page's list of upcoming cohorts. It is
    the same for every visitor, signed in or not, so it is rendered once (50 cohorts cost
    more than the rest of the page) and kept with the public pages (academy.public_cache):
    a change to a cohort, its sessions or its seats, or a page published, shows at once."""
    if course is None or not getattr(course, "pk", None):
        return render_to_string("includes/course_cohort_list.html", {"cohorts": []})
    return mark_safe(remembered(
        "course-cohorts", (course.pk, get_language(), timezone.get_current_timezone_name()),
        lambda: render_to_string("includes/course_cohort_list.html",
                                 {"cohorts": _upcoming_cohorts(course)}),
    ))


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


@register.simple_tag
def cohort_rows(cohorts):
    """The dashboard's rows of `cohorts` (cohort_summaries), rendered in Python."""
    from ..views.cohort_rows import cohort_rows as rows

    return rows(cohorts)
