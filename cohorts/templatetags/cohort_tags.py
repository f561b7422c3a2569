"""Template tags that let curriculum pages show cohorts without courses importing cohorts."""

from django import template

from cohorts.selectors import upcoming_cohorts as _upcoming_cohorts

register = template.Library()


@register.simple_tag
def upcoming_cohorts(course):
    """`{% upcoming_cohorts page as cohorts %}`: open and running cohorts, one query."""
    if course is None or not getattr(course, "pk", None):
        return []
    return _upcoming_cohorts(course)
