"""Every time shown with its zone: `{% when value %}` in the viewer's own zone (learners),
`{% when value cohort.time_zone %}` in the cohort's zone with the viewer's own beside it
when it differs (facilitators), always with the zone's abbreviation.

This is the one place templates format a datetime for a person: templates and emails
never use `|date`, `|time` or `naturaltime` on a datetime (tests/academy/test_time_zones.py
scans them). Styles are in academy/times.py; those without a clock time ("date",
"longdate", "day") show the day as it is in that zone, without an abbreviation.
`plain=True` gives text without the <time> element, for plain-text emails. A zone itself is
shown by its name (`{{ user.time_zone|zone_name }}`: "Central (Chicago)"), never its key."""

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from academy.choices import time_zone_name
from academy.times import DATE_ONLY, in_zone
from academy.times import zone as _zone

register = template.Library()


@register.simple_tag
def when(value, zone="", style="medium", plain=False):
    """A <time> element: the time in `zone` (default: the viewer's), and the viewer's own
    in brackets when that zone tells a different clock time."""
    if not value:
        return "–"
    tz, mine = _zone(zone), timezone.get_current_timezone()
    text = in_zone(value, tz, style)
    if (
        zone
        and style not in DATE_ONLY
        and timezone.localtime(value, tz).utcoffset()
        != timezone.localtime(value, mine).utcoffset()
    ):
        # English names the viewer's zone ("9:00 PM EST your time"); Spanish says "en su
        # hora" after the bare time, as the academy's Spanish style has it.
        own = in_zone(value, mine, "time", with_zone=get_language() == "en")
        text = _("%(time)s (%(own)s your time)") % {"time": text, "own": own}
    if plain:
        return text
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), text)


@register.filter
def zone_name(value) -> str:
    """A zone key as people read it: "America/Chicago" -> "Central (Chicago)"."""
    return time_zone_name(str(value))
