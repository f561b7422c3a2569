"""One small parser per report layout (Zoom, Teams, older Teams), found by its header."""

import csv
import re

from django.utils.translation import gettext as _

from .values import (
    EXPECTED,
    MAX_CELL_CHARS,
    MAX_DURATION_MINUTES,
    Participant,
    Report,
    ReportError,
    _email,
    decode,
    normalise_name,
    parse_duration,
    parse_time,
)

# --- layouts ----------------------------------------------------------------------------

def _cells(line, delimiter):
    if len(line) > MAX_CELL_CHARS:
        raise ReportError(_("A line of the report is longer than 128 kB; a participant "
                            "report's lines are short. Export the report again from Zoom or "
                            "Teams."))
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error as exc:
        raise ReportError(_("We could not read a line of the report as CSV (%(error)s).") % {
            "error": exc}) from exc
    return [c.strip().strip('"').strip() for c in cells]


def _minutes_between(joined, left):
    minutes = (left - joined).total_seconds() / 60
    if minutes > MAX_DURATION_MINUTES:
        raise ReportError(_("Someone joined at %(joined)s and left at %(left)s, more than a "
                            "day later; this report's times are broken.") % {
            "joined": f"{joined:%m/%d/%Y %I:%M %p}", "left": f"{left:%m/%d/%Y %I:%M %p}"})
    return minutes


def _index(header, *names):
    for name in names:
        if name in header:
            return header.index(name)
    return None


LAYOUTS = {
    "zoom": (("name (original name)", "name"), ("join time",), ("leave time",)),
    "teams": (("name", "full name"), ("first join",), ("last leave",),
              ("in-meeting duration", "duration")),
    "teams-legacy": (("full name", "name"), ("user action", "activity"), ("timestamp",)),
}


def _find_header(lines):
    """(kind, line index, delimiter, lowercased header) of the participants table."""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        for delimiter in ("\t", ",", ";"):
            if delimiter not in line:
                continue
            header = [c.lower() for c in _cells(line, delimiter)]
            for kind, required in LAYOUTS.items():
                if all(_index(header, *names) is not None for names in required):
                    return kind, i, delimiter, header
    raise ReportError(
        _("This is not a participant report we recognise. Expected a header row with the "
          "columns of one of these: %(expected)s.") % {"expected": EXPECTED}
    )


def _rows(lines, start, delimiter, width):
    for line in lines[start:]:
        if not line.strip():
            if width == "section":
                break
            continue
        if re.match(r"^\s*\d+\.\s+\S", line):  # the next Teams section ("3. In-Meeting ...")
            break
        yield _cells(line, delimiter)


class _People:
    """Participants keyed by email, else by normalised name (rows of one person merge)."""

    def __init__(self):
        self.by_key: dict[str, Participant] = {}

    def get(self, name, email=""):
        name = (name or "").strip()
        email = _email(email)
        key = email or normalise_name(name)
        if not key:
            return None
        if key not in self.by_key:
            self.by_key[key] = Participant(name=name, email=email)
        return self.by_key[key]


def _cell(row, index):
    return row[index] if index is not None and index < len(row) else ""


def _parse_zoom(rows, header, tz, people):
    """One row per join/leave segment; minutes from the times, else the duration column."""
    name_i = _index(header, "name (original name)", "name")
    email_i = _index(header, "user email", "email")
    join_i = _index(header, "join time")
    leave_i = _index(header, "leave time")
    dur_i = _index(header, "duration (minutes)", "duration (mins)", "duration")
    for row in rows("all"):
        p = people.get(_cell(row, name_i), _cell(row, email_i))
        if p is None:
            continue
        joined = parse_time(_cell(row, join_i), tz)
        left = parse_time(_cell(row, leave_i), tz)
        if joined and left:
            minutes = _minutes_between(joined, left)
        else:
            minutes = parse_duration(_cell(row, dur_i))
        p.add(minutes, joined)


def _parse_teams(rows, header, tz, people):
    """The "2. Participants" section: first join, last leave and in-meeting duration."""
    name_i = _index(header, "name", "full name")
    email_i = _index(header, "email")
    upn_i = _index(header, "participant id (upn)", "upn")
    join_i = _index(header, "first join")
    leave_i = _index(header, "last leave")
    dur_i = _index(header, "in-meeting duration", "duration")
    for row in rows("section"):
        p = people.get(_cell(row, name_i), _cell(row, email_i) or _cell(row, upn_i))
        if p is None:
            continue
        joined = parse_time(_cell(row, join_i), tz)
        minutes = parse_duration(_cell(row, dur_i))
        if minutes is None:
            left = parse_time(_cell(row, leave_i), tz)
            minutes = _minutes_between(joined, left) if joined and left else 0
        p.add(minutes, joined)


def _parse_teams_legacy(rows, header, tz, people):
    """Joined / Left rows per person, paired in time order; still there at the end of the
    report counts until the report's last event."""
    name_i = _index(header, "full name", "name")
    action_i = _index(header, "user action", "activity")
    time_i = _index(header, "timestamp")
    events = []
    for number, row in enumerate(rows("all"), start=1):
        name = _cell(row, name_i)
        p = people.get(name)
        if p is None:
            continue
        action = _cell(row, action_i).strip().lower()
        at_time = parse_time(_cell(row, time_i), tz)
        if at_time is None:
            raise ReportError(
                _("Row %(number)s of the report (%(name)s, %(action)s) has no timestamp; "
                  "this layout needs one on every Joined and Left row.") % {
                    "number": number, "name": _short(name),
                    "action": _short(action) or _("no action")}
            )
        events.append((p, action, at_time))
    if not events:
        return
    last = max(t for _p, _a, t in events)
    open_since = {}
    for p, action, at_time in sorted(events, key=lambda e: e[2]):
        key = id(p)
        if action.startswith("join"):
            open_since.setdefault(key, (p, at_time))
        elif action.startswith(("left", "leave")) and key in open_since:
            _p, joined = open_since.pop(key)
            p.add(_minutes_between(joined, at_time), joined)
    for p, joined in open_since.values():
        p.add(_minutes_between(joined, last), joined)


def _short(text):
    return text if len(text) <= 40 else text[:40] + "…"


PARSERS = {"zoom": _parse_zoom, "teams": _parse_teams, "teams-legacy": _parse_teams_legacy}


def parse_report(data: bytes, tz) -> Report:
    text = decode(data)
    lines = text.splitlines()
    kind, at, delimiter, header = _find_header(lines)
    people = _People()
    PARSERS[kind](lambda width: _rows(lines, at + 1, delimiter, width), header, tz, people)
    if not people.by_key:
        raise ReportError(_("The report has the right columns but no participants."))
    return Report(kind=kind, participants=list(people.by_key.values()))
