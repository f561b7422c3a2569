"""Every time shown with its zone: `{% when value %}` in the viewer's own zone (learners),
`{% when value cohort.time_zone %}` in the cohort's zone with the viewer's own beside it
when it differs (facilitators), always with the zone's abbreviation."""

import zoneinfo

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

register = template.Library()

FORMATS = {
    "long": "l, F j, Y, g:i A",
    "medium": "D, M j, g:i A",
    "time": "g:i A",
    "date": "M j, Y",
}


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name) if name else timezone.get_current_timezone()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.get_current_timezone()


def in_zone(value, tz, style="medium") -> str:
    local = timezone.localtime(value, tz)
    return f"{date_format(local, FORMATS.get(style, style))} {local:%Z}"


@register.simple_tag
def when(value, zone="", style="medium"):
    """A <time> element: the time in `zone` (default: the viewer's), and the viewer's own
    in brackets when that zone tells a different clock time."""
    if not value:
        return "–"
    tz, mine = _zone(zone), timezone.get_current_timezone()
    shown = in_zone(value, tz, style)
    text = shown
    if zone and timezone.localtime(value, tz).utcoffset() != timezone.localtime(
        value, mine
    ).utcoffset():
        text = f"{shown} ({in_zone(value, mine, 'time')} your time)"
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), text)
