"""The one home for showing a time to a person: always with its zone's abbreviation.

Templates use `{% when %}` (academy/templatetags/zones.py), which calls `in_zone`; services
and views that put a time in a message call `in_zone` directly."""

import zoneinfo

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_noop, pgettext_lazy

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
# The same styles in Spanish (NOTES.md of the Spanish demo content): "mar 3 de marzo,
# 7:00 p. m. (hora del Este)".
FORMATS_ES = {
    "long": r"l j \d\e F \d\e Y, g:i a",
    "weekday": r"l j \d\e F, g:i a",
    "medium": r"D j \d\e F, g:i a",
    "medium_year": r"D j \d\e F \d\e Y, g:i a",
    "short": r"j \d\e M \d\e Y, g:i a",
    "time": "g:i a",
    "date": r"j \d\e M \d\e Y",
    "longdate": r"j \d\e F \d\e Y",
    "day": r"j \d\e M",
}
FORMATS_BY_LANGUAGE = {"es": FORMATS_ES}
DATE_ONLY = frozenset({"date", "longdate", "day"})
# Django's date format translates "a.m."/"p.m."; listed so that makemessages keeps the
# academy's Spanish ("a. m.", "p. m.") in locale/es.
gettext_noop("a.m.")
gettext_noop("p.m.")
# English shows the zone's abbreviation ("EST"); other languages its name, in brackets.
ZONE_NAMES = {
    "EST": pgettext_lazy("time zone", "Eastern time"),
    "EDT": pgettext_lazy("time zone", "Eastern time"),
    "CST": pgettext_lazy("time zone", "Central time"),
    "CDT": pgettext_lazy("time zone", "Central time"),
    "MST": pgettext_lazy("time zone", "Mountain time"),
    "MDT": pgettext_lazy("time zone", "Mountain time"),
    "PST": pgettext_lazy("time zone", "Pacific time"),
    "PDT": pgettext_lazy("time zone", "Pacific time"),
    "AKST": pgettext_lazy("time zone", "Alaska time"),
    "AKDT": pgettext_lazy("time zone", "Alaska time"),
    "HST": pgettext_lazy("time zone", "Hawaii time"),
    "AST": pgettext_lazy("time zone", "Atlantic time"),
    "ChST": pgettext_lazy("time zone", "Chamorro time"),
    "SST": pgettext_lazy("time zone", "Samoa time"),
}


def zone(name):
    """The zone called `name`, or the current one (the viewer's) when it is empty or unknown."""
    try:
        return zoneinfo.ZoneInfo(name) if name else timezone.get_current_timezone()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.get_current_timezone()


def in_zone(value, tz=None, style="medium", with_zone=True) -> str:
    """`value` in `tz` (default: the current zone) with the zone's abbreviation:
    "Tue, Mar 3, 7:00 PM MST"."""
    local = timezone.localtime(value, tz or timezone.get_current_timezone())
    formats = FORMATS_BY_LANGUAGE.get((get_language() or "en")[:2], FORMATS)
    shown = date_format(local, formats.get(style, style))
    if style in DATE_ONLY or not with_zone:
        return shown
    abbreviation = f"{local:%Z}"
    if formats is FORMATS:
        return f"{shown} {abbreviation}"
    return f"{shown} ({ZONE_NAMES.get(abbreviation, abbreviation)})"
