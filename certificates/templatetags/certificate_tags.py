"""Certificate pages' filters."""

from django import template

from certificates.certificate_data import format_date

register = template.Library()


@register.filter
def longdate(value):
    """A date as a certificate prints it, in the active language: "March 2, 2026",
    "2 de marzo de 2026"."""
    return format_date(value)
