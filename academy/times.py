"""The one home for showing a time to a person: always with its zone's abbreviation.

Templates use `{% when %}` (academy/templatetags/zones.py), which calls `in_zone`; services
and views that put a time in a message call `in_zone` directly."""

import zoneinfo

from django.utils import timezone
from django.utils.formats import date_format

FORMATS = {
    "long": "l, F j, Y, g:i A",
    "weekday": "l, F j, g:i A",
    "medium": "D, M j, g:i A",
    "medium_year": "D, M j, Y, g:i A",
    "short": "M j, Y, g:i A",
    "time": "g:i A",
    # Days, without a clock time: shown as they are in the zone, with no abbreviation.
    "date": "M j, Y",
    "longdate": "F j, Y",
    "day": "M j",
}
DATE_ONLY = frozenset({"date", "longdate", "day"})


def zone(name):
    """The zone called `name`, or the current one (the viewer's) when it is empty or unknown."""
    try:
        return zoneinfo.ZoneInfo(name) if name else timezone.get_current_timezone()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.get_current_timezone()


def in_zone(value, tz=None, style="medium") -> str:
    """`value` in `tz` (default: the current zone) with the zone's abbreviation:
    "Tue, Mar 3, 7:00 PM MST"."""
    local = timezone.localtime(value, tz or timezone.get_current_timezone())
    shown = date_format(local, FORMATS.get(style, style))
    return shown if style in DATE_ONLY else f"{shown} {local:%Z}"
