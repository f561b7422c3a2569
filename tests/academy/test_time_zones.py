"""Every time shown to a person carries its zone, through one tag (`{% when %}`)."""

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone

from academy.exports import safe_cell
from academy.templatetags.zones import when

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
# A datetime formatted outside the tag: `|date`, `|time`, naturaltime and friends.
FORMATTING = re.compile(r"\|\s*(date|time|naturaltime|naturalday|timesince|timeuntil)\b")
# Values that are plain dates (a DateField, or a date computed in the cohort's zone): a
# day has no clock time, so no zone to show.
DATE_VALUES = ("issued_on", "report_date", "session_date", "start_date", "end_date", "today",
               "window.due", "w.due", "w.start", "verified_on", "previous_met_on",
               "oath_date", "filters.start", "filters.end", "completed_on")


def test_no_template_formats_a_datetime_outside_the_tag():
    found = []
    for base in TEMPLATE_DIRS:
        for path in base.rglob("*"):
            if path.suffix not in (".html", ".txt") or "node_modules" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                for match in FORMATTING.finditer(line):
                    value = line[: match.start()].rsplit("{{", 1)[-1]
                    if not any(name in value for name in DATE_VALUES):
                        found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert found == []


START = dt.datetime(2030, 3, 5, 2, 0, tzinfo=dt.UTC)  # 7 PM in Denver, 9 PM in New York


def test_facilitator_sees_the_cohorts_zone_with_their_own_beside_it():
    with timezone.override("America/New_York"):
        html = when(START, "America/Denver")
    assert "Mon, Mar 4, 7:00 PM MST (9:00 PM EST your time)" in html
    assert 'datetime="2030-03-05T02:00:00+00:00"' in html
    with timezone.override("America/Denver"):  # same clock: no brackets
        assert "your time" not in when(START, "America/Denver")


def test_learner_sees_their_own_zone():
    with timezone.override("America/New_York"):
        assert ">Mon, Mar 4, 9:00 PM EST</time>" in when(START)
        assert when(START, "", "time", plain=True) == "9:00 PM EST"
        # A day has no clock time and no zone.
        assert when(START, "", "date", plain=True) == "Mar 4, 2030"


def test_the_tag_in_a_plain_text_email():
    with timezone.override("America/Denver"):
        rendered = Template('{% load zones %}{% when t "" "weekday" plain=True %}').render(
            Context({"t": START})
        )
    assert rendered == "Monday, March 4, 7:00 PM MST"


def test_csv_times_are_iso_8601_with_offset_to_the_second():
    local = timezone.localtime(START.replace(microsecond=123456), timezone.get_fixed_timezone(-420))
    assert safe_cell(local) == "2030-03-04T19:00:00-07:00"
    row = io.StringIO()
    csv.writer(row).writerow([safe_cell(local)])
    assert "." not in row.getvalue()


@pytest.mark.django_db
def test_check_in_too_early_tells_the_learner_in_their_own_zone(course, user_factory):
    from cohorts.services import AttendanceError, enrollment_create, session_check_in
    from tests.cohorts.conftest import make_cohort

    cohort = make_cohort(course, time_zone="America/Denver", start_in_days=2)
    learner = user_factory(time_zone="America/New_York")
    enrollment_create(cohort=cohort, user=learner)
    session = cohort.sessions.first()
    with pytest.raises(AttendanceError) as error:
        session_check_in(code=session.check_in_code, user=learner)
    assert error.value.code == "too_early"
    assert "EST" in str(error.value) or "EDT" in str(error.value)
    assert "Denver" not in str(error.value) and "MST" not in str(error.value)
