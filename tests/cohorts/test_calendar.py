"""Calendars: the cohort's .ics and the private per-person feed (icalendar)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from icalendar import Calendar

from cohorts.models import CalendarToken, Session
from cohorts.services import enrollment_create, enrollment_withdraw

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_cohort_ics_carries_tzid(client, course):
    cohort = make_cohort(course, sessions=0, time_zone="America/Denver")
    starts = datetime(2030, 9, 3, 18, 0, tzinfo=ZoneInfo("America/Denver"))
    Session.objects.create(cohort=cohort, title="Kickoff", starts_at=starts,
                           ends_at=starts + timedelta(minutes=90), location="Room 201",
                           video_url="https://meet.example.org/k")
    response = client.get(f"/cohorts/{cohort.slug}/calendar.ics")
    raw = response.content.decode()
    assert "DTSTART;TZID=America/Denver:20300903T180000" in raw
    assert "DTEND;TZID=America/Denver:20300903T193000" in raw
    assert "BEGIN:VTIMEZONE" in raw and "TZID:America/Denver" in raw
    cal = parse(response)
    [event] = cal.walk("VEVENT")
    assert str(event["summary"]) == "Kickoff (Budgets as moral documents)"
    assert str(event["location"]) == "Room 201"
    assert event.decoded("dtstart") == starts


def test_public_cohort_ics_carries_no_meeting_link(client, course, official):
    """Anyone can download a cohort's .ics: it must not hand out the meeting link that the
    cohort page shows only to enrolled learners. Their private feed has it."""
    cohort = make_cohort(course, sessions=0)
    starts = datetime(2030, 9, 3, 18, 0, tzinfo=ZoneInfo("America/New_York"))
    Session.objects.create(cohort=cohort, title="Online kickoff", starts_at=starts,
                           ends_at=starts + timedelta(hours=1),
                           video_url="https://meet.example.org/secret-room")
    public = client.get(f"/cohorts/{cohort.slug}/calendar.ics")
    [event] = parse(public).walk("VEVENT")
    assert b"secret-room" not in public.content
    assert str(event["location"]) == "Online"
    assert str(event["url"]) == f"{settings.SITE_URL}/cohorts/{cohort.slug}/"
    enrollment_create(cohort=cohort, user=official)
    client.force_login(official)
    client.get("/me/")
    token = CalendarToken.objects.get(user=official).token
    client.logout()
    [event] = parse(client.get(f"/me/calendar/{token}.ics")).walk("VEVENT")
    assert "Join: https://meet.example.org/secret-room" in str(event["description"])
    assert str(event["url"]) == "https://meet.example.org/secret-room"


def test_draft_cohort_ics_is_404(client, course):
    cohort = make_cohort(course, status="draft")
    assert client.get(f"/cohorts/{cohort.slug}/calendar.ics").status_code == 404


def test_private_feed_has_my_sessions_only(client, course, official, user_factory):
    mine = make_cohort(course, "mine", sessions=2, time_zone="America/New_York")
    waiting = make_cohort(course, "waiting", sessions=1, capacity=0)
    other = make_cohort(course, "other", sessions=3)
    left = make_cohort(course, "left", sessions=1)
    enrollment_create(cohort=mine, user=official)
    enrollment_create(cohort=waiting, user=official)
    enrollment_create(cohort=other, user=user_factory())
    enrollment_withdraw(enrollment=enrollment_create(cohort=left, user=official),
                        actor=official)
    client.force_login(official)
    client.get("/me/")
    token = CalendarToken.objects.get(user=official)
    client.logout()  # calendar apps do not log in: the token is the key
    cal = parse(client.get(f"/me/calendar/{token.token}.ics"))
    events = cal.walk("VEVENT")
    assert len(events) == 2
    assert all(e["dtstart"].params["TZID"] == "America/New_York" for e in events)


def test_unknown_token_is_404_and_reset_changes_it(client, official):
    assert client.get("/me/calendar/nope.ics").status_code == 404
    client.force_login(official)
    html = client.get("/me/").content.decode()
    old = CalendarToken.objects.get(user=official).token
    assert f"/me/calendar/{old}.ics" in html
    assert client.get("/me/calendar/reset/").status_code == 405
    client.post("/me/calendar/reset/")
    new = CalendarToken.objects.get(user=official).token
    assert new != old
    assert client.get(f"/me/calendar/{old}.ics").status_code == 404
    assert client.get(f"/me/calendar/{new}.ics").status_code == 200


def test_my_learning_offers_copy_and_webcal_links(client, official, settings):
    # The private feed gets a copy button (a static script, no inline JS, so a strict
    # CSP holds) with an announced status, and a webcal:// link calendar apps open.
    from pathlib import Path

    from django.contrib.staticfiles import finders

    settings.SITE_URL = "https://academy.example.org"
    client.force_login(official)
    html = client.get("/me/").content.decode()
    token = CalendarToken.objects.get(user=official).token
    feed = f"https://academy.example.org/me/calendar/{token}.ics"
    assert f'id="calendar-feed-url" class="form-control font-monospace" type="text" readonly ' \
           f'value="{feed}"' in html
    assert '<label for="calendar-feed-url"' in html
    assert ('data-copy-target="calendar-feed-url" data-copy-status="calendar-copy-status" '
            'hidden>Copy link</button>') in html
    assert 'id="calendar-copy-status" class="small text-success mb-0 mt-1" role="status"' in html
    assert f'href="webcal://academy.example.org/me/calendar/{token}.ics"' in html
    assert '<script src="/static/js/copy-link.js" defer></script>' in html
    assert "<script>" not in html  # nothing inline
    script = Path(finders.find("js/copy-link.js")).read_text()
    assert "navigator.clipboard" in script and "Copied" in script
