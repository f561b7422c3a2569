"""Zoom and Teams participant reports: parsing (fixtures in fixtures/), matching, the
proposal page and confirming it. Nothing is saved before the facilitator confirms."""

import re
import zoneinfo
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cohorts.meeting_reports import (
    ReportError,
    normalise_name,
    parse_duration,
    parse_report,
)
from cohorts.models import Attendance, Enrollment, Session
from cohorts.services import attendance_record
from tests.conftest import UserFactory

from .conftest import make_cohort

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
CHICAGO = zoneinfo.ZoneInfo("America/Chicago")


def fixture(name):
    return (FIXTURES / name).read_bytes()


def people(report):
    return {p.name: (round(p.minutes, 1), p.first_join, p.email) for p in report.participants}


@pytest.mark.parametrize("name", ["zoom_participants.csv", "teams_attendance.csv",
                                  "teams_legacy_attendance.csv"])
def test_each_format_gives_the_same_people(name):
    report = parse_report(fixture(name), CHICAGO)
    found = people(report)
    rosa = next(v for k, v in found.items() if k.startswith("Rosa"))
    assert rosa[0] == 90.3  # two Zoom segments / two Joined-Left pairs summed
    assert rosa[1] == datetime(2026, 11, 18, 18, 58, 12, tzinfo=CHICAGO)
    sam = next(v for k, v in found.items() if k.startswith("Sam"))
    assert sam[0] == 70.0
    assert sam[1] == datetime(2026, 11, 18, 19, 20, tzinfo=CHICAGO)


def test_zoom_keeps_email_and_skips_the_summary_block():
    report = parse_report(fixture("zoom_participants.csv"), CHICAGO)
    assert report.kind == "zoom"
    assert len(report.participants) == 5
    assert people(report)["Rosa Diaz"][2] == "rosa.diaz@example.org"


def test_teams_utf16_tab_sections():
    data = fixture("teams_attendance.csv")
    assert data[:2] == b"\xff\xfe"
    report = parse_report(data, CHICAGO)
    assert report.kind == "teams"
    assert len(report.participants) == 4  # section 3 (activities) is not read as people


def test_utf8_bom_and_semicolons_are_read():
    text = ("\ufeffName (Original Name);User Email;Join Time;Leave Time;Duration (Minutes);"
            "Guest;In Waiting Room\nAda Lovelace;ada@example.org;11/18/2026 07:00:00 PM;"
            "11/18/2026 08:00:00 PM;60;No;No\n")
    report = parse_report(text.encode("utf-8"), CHICAGO)
    assert people(report)["Ada Lovelace"][0] == 60.0


@pytest.mark.parametrize(("data", "message"), [
    (fixture("unknown_columns.csv"), "Expected a header row"),
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8\xff", "could not read"),
    (b"Name (Original Name),User Email,Join Time,Leave Time\n", "no participants"),
    (b"Name (Original Name),User Email,Join Time,Leave Time\nA,a@x.org,yesterday,soon\n",
     "could not read the time"),
    (b"x" * (2 * 1024 * 1024 + 1), "larger than 2 MB"),
])
def test_bad_files_are_refused_with_a_message(data, message):
    with pytest.raises(ReportError, match=message):
        parse_report(data, CHICAGO)


def test_durations_and_names():
    assert parse_duration("1h 2m 3s") == pytest.approx(62.05)
    assert parse_duration("58m 12s") == pytest.approx(58.2)
    assert parse_duration("45") == 45.0
    assert parse_duration("1:30:00") == 90.0
    assert normalise_name("  José  O'Neil (she/her) ") == "jose o neil"


@pytest.fixture
def online(course, facilitator):
    cohort = make_cohort(course, "online", sessions=0, status="in_progress",
                         facilitators=[facilitator])
    starts = datetime(2026, 11, 18, 19, 0, tzinfo=CHICAGO)
    session = Session.objects.create(cohort=cohort, title="Session 1", starts_at=starts,
                                     ends_at=starts.replace(hour=20, minute=30),
                                     check_in_code="ONLINE")
    rows = {}
    for first, last, email in (("Rosa", "Diaz", "rosa.diaz@example.org"),
                               ("Samuel", "Okafor", "sokafor@example.org"),
                               ("Jo", "Park", "jo@example.org"),
                               ("Lee", "Chen", "lee@example.org")):
        user = UserFactory(first_name=first, last_name=last, email=email)
        rows[first] = Enrollment.objects.create(cohort=cohort, user=user, status="enrolled")
    return cohort, session, rows


def upload(client, cohort, session, name, share=75):
    return client.post(f"/facilitate/{cohort.slug}/sessions/{session.pk}/import/", {
        "report": SimpleUploadedFile(name, fixture(name), content_type="text/csv"),
        "min_share": share,
    })


def proposed(html, enrollment):
    select = re.search(rf'name="status-{enrollment.pk}".*?</select>', html, re.S).group(0)
    return re.search(r'<option value="(\w+)" selected>', select).group(1)


@pytest.mark.parametrize("name", ["zoom_participants.csv", "teams_attendance.csv",
                                  "teams_legacy_attendance.csv"])
def test_upload_proposes_and_saves_nothing(client, online, facilitator, name):
    cohort, session, rows = online
    client.force_login(facilitator)
    response = upload(client, cohort, session, name)
    html = response.content.decode()
    assert response.status_code == 200 and "Nothing is saved yet" in html
    assert not Attendance.objects.exists()
    assert proposed(html, rows["Rosa"]) == "present"  # 90 of 90 minutes, on time
    assert proposed(html, rows["Samuel"]) == "late"  # 70 minutes (>= 75%), joined 7:20
    assert proposed(html, rows["Jo"]) == "absent"  # 30 minutes, matched by name
    assert proposed(html, rows["Lee"]) == "absent"  # not in the meeting
    assert "matched by name" in html
    assert "Marcus Bell" in html  # the host is listed for hand matching


def test_share_is_a_form_field(client, online, facilitator):
    cohort, session, rows = online
    client.force_login(facilitator)
    html = upload(client, cohort, session, "zoom_participants.csv", share=30).content.decode()
    assert proposed(html, rows["Jo"]) == "present"  # 30 of 90 minutes is >= 30%


def test_confirm_saves_with_hand_matches_and_overrides(client, online, facilitator):
    cohort, session, rows = online
    attendance_record(session=session, enrollment=rows["Lee"], status="excused",
                      actor=facilitator)
    client.force_login(facilitator)
    html = upload(client, cohort, session, "zoom_participants.csv").content.decode()
    payload = re.search(r'name="payload" value="([^"]+)"', html).group(1)
    dial_in = re.search(r'<th scope="row">Dial-in 555-0100</th>.*?name="(match-\d+)"', html,
                        re.S).group(1)
    response = client.post(f"/facilitate/{cohort.slug}/sessions/{session.pk}/import/confirm/", {
        "payload": payload,
        f"status-{rows['Rosa'].pk}": "present",
        f"status-{rows['Samuel'].pk}": "present",  # the facilitator knows better
        f"status-{rows['Jo'].pk}": "absent",  # unchanged: the hand match below counts
        dial_in: rows["Jo"].pk,  # 80 more minutes from 7:05
        f"status-{rows['Lee'].pk}": "absent",  # excused stays excused
    })
    assert response.status_code == 302
    marks = {a.enrollment.user.first_name: (a.status, a.source)
             for a in Attendance.objects.select_related("enrollment__user")}
    assert marks == {"Rosa": ("present", "import"), "Samuel": ("present", "import"),
                     "Jo": ("present", "import"), "Lee": ("excused", "facilitator")}


def test_tampered_or_foreign_payload_saves_nothing(client, online, facilitator, course):
    cohort, session, rows = online
    client.force_login(facilitator)
    response = client.post(
        f"/facilitate/{cohort.slug}/sessions/{session.pk}/import/confirm/",
        {"payload": "eyJmYWtlIjp0cnVlfQ:forged", f"status-{rows['Rosa'].pk}": "present"},
        follow=True,
    )
    assert "Nothing was saved" in response.content.decode()
    assert not Attendance.objects.exists()


def test_bad_upload_shows_the_message(client, online, facilitator):
    cohort, session, _ = online
    client.force_login(facilitator)
    html = upload(client, cohort, session, "unknown_columns.csv").content.decode()
    assert "not a participant report we recognise" in html and "User Email" in html
    assert not Attendance.objects.exists()


def test_a_report_from_another_day_asks_first(client, online, facilitator):
    cohort, session, rows = online
    session.starts_at -= timedelta(days=7)  # the report is from the week after
    session.ends_at -= timedelta(days=7)
    session.save()
    client.force_login(facilitator)
    html = upload(client, cohort, session, "zoom_participants.csv").content.decode()
    assert "Different day" in html and "Wednesday, November 18, 2026" in html
    assert "Wednesday, November 11, 2026" in html
    payload = re.search(r'name="payload" value="([^"]+)"', html).group(1)
    confirm = f"/facilitate/{cohort.slug}/sessions/{session.pk}/import/confirm/"
    refused = client.post(confirm, {"payload": payload})
    assert refused.status_code == 400 and "Tick the box" in refused.content.decode()
    assert not Attendance.objects.exists()
    saved = client.post(confirm, {"payload": payload, "other_day": "1"})
    assert saved.status_code == 302 and Attendance.objects.exists()
