"""iCalendar (.ics) files: one per cohort, and a private feed of a person's sessions.

Times are written in the cohort's own time zone (DTSTART;TZID=America/Chicago:...)
with the matching VTIMEZONE, so calendar apps show them right wherever the reader is.
The words (and the cohort links) are in the active language: the request's for a cohort's
file, the owner's preferred language for a private feed (views.learner.my_calendar).
"""

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vText

from .models import EARLIEST_YEAR, LATEST_YEAR

PRODID = "-//Progressive Governance Academy//Cohorts//EN"


def _calendar(name):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def _event(session, cohort, *, with_links):
    """One session. Meeting links only `with_links` (the private feed of an enrolled
    learner): the public cohort file shows what the public cohort page shows, "Online"."""
    tz = cohort.tzinfo
    event = Event()
    event.add("uid", f"session-{session.pk}@{settings.SITE_URL.split('://')[-1]}")
    event.add("dtstamp", timezone.now())
    event.add("summary", f"{session.title} ({cohort.course.title})")
    event.add("dtstart", session.starts_at.astimezone(tz))
    event.add("dtend", session.ends_at.astimezone(tz))
    cohort_url = settings.SITE_URL + cohort.get_absolute_url()
    video_url = session.video_url if with_links else ""
    description = [f"{cohort.course.title}, {cohort.title}", cohort_url]
    if video_url:
        description.insert(1, _("Join: %(url)s") % {"url": video_url})
    elif session.video_url:
        description.insert(
            1, _("Online: enrolled learners find the link on the cohort page.")
        )
    event.add("description", "\n".join(description))
    if session.location:
        event.add("location", vText(session.location))
    elif session.video_url:
        event.add("location", vText(video_url or _("Online")))
    event.add("url", video_url or cohort_url)
    # A move or a cancellation raises the SEQUENCE, so calendar apps replace the event.
    event.add("sequence", session.sequence)
    if cohort.status == "cancelled" or session.cancelled_at:
        event.add("status", "CANCELLED")
    return event


def cohort_calendar(cohort, sessions) -> bytes:
    """The public .ics of one cohort (`sessions` loaded, cohort.course selected): no
    meeting links, anyone may download it."""
    cal = _calendar(f"{cohort.course.title}: {cohort.title}")
    for session in sessions:
        cal.add_component(_event(session, cohort, with_links=False))
    return _finish(cal, sessions)


def sessions_calendar(name, sessions) -> bytes:
    """The private feed of a learner's sessions (each session.cohort.course selected), of
    cohorts they are enrolled in: with the meeting links."""
    cal = _calendar(name)
    for session in sessions:
        cal.add_component(_event(session, session.cohort, with_links=True))
    return _finish(cal, sessions)


def _finish(cal, sessions) -> bytes:
    """Add the VTIMEZONEs, limited to the years the sessions span (a short file), within
    the years sessions may have (a stored session in year 1 or 9999 cannot stretch it)."""
    if sessions:
        earliest, latest = date(EARLIEST_YEAR - 1, 1, 1), date(LATEST_YEAR + 1, 12, 31)
        first = min(s.starts_at for s in sessions).date()
        last = max(s.ends_at for s in sessions).date()
        first = min(max(first, earliest + timedelta(days=366)), latest) - timedelta(days=366)
        last = max(min(last, latest - timedelta(days=366)), earliest) + timedelta(days=366)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal.to_ical()
