"""Certificate pages' filters."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import get_language

from academy.times import FORMATS, FORMATS_BY_LANGUAGE
from certificates.certificate_data import format_date

register = template.Library()


@register.filter
def longdate(value):
    """A date as a certificate prints it, in the active language: "March 2, 2026",
    "2 de marzo de 2026"."""
    return format_date(value)


@register.filter
def shortdate(value):
    """A date in short, in the active language: "Mar 2, 2026", "2 de mar de 2026"."""
    if not value:
        return ""
    formats = FORMATS_BY_LANGUAGE.get((get_language() or "en")[:2], FORMATS)
    return date_format(value, formats["date"])
