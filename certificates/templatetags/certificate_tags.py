"""Certificate pages' filters."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import pgettext

from certificates.certificate_data import format_date

register = template.Library()


@register.filter
def longdate(value):
    """A date as a certificate prints it, in the active language: "March 2, 2026",
    "2 de marzo de 2026"."""
    return format_date(value)


@register.filter
def shortdate(value):
    """A date in short, in the active language: "Mar 2, 2026", "2 mar. 2026"."""
    if not value:
        return ""
    return date_format(value, pgettext("date format: short date", "M j, Y"))
