"""Read a video meeting's participant report (Zoom or Microsoft Teams) and propose attendance.

Supported layouts (the column names are matched case-insensitively):

* Zoom participant export, comma separated, UTF-8: an optional meeting summary block
  ("Meeting ID,Topic,Start Time,...", one row, a blank line), then
  "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest" (some
  exports add "Recording Consent" or "In Waiting Room"), one row per join/leave segment,
  times like "11/18/2026 06:58:12 PM" in the host's time zone.
* Microsoft Teams attendance report, usually UTF-16 LE with a BOM and TAB separated:
  the newer layout has sections "1. Summary", "2. Participants" (header
  "Name, First Join, Last Leave, In-Meeting Duration, Email, Participant ID (UPN), Role";
  durations like "1h 2m 3s"; dates like "11/18/26, 6:58:12 PM") and
  "3. In-Meeting Activities"; the older layout is "Full Name, User Action, Timestamp" with
  Joined / Left rows, which are paired.

Times without a zone are read in the cohort's time zone. Nothing here writes to the
database: `propose` returns what the facilitator confirms (or corrects) on the next page.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .models import AttendanceStatus

MAX_REPORT_BYTES = 2 * 1024 * 1024
LATE_AFTER = timedelta(minutes=10)

EXPECTED = (
    "Zoom: Name (Original Name), User Email, Join Time, Leave Time, Duration (Minutes); "
    "Teams: Name, First Join, Last Leave, In-Meeting Duration, Email; "
    "or older Teams: Full Name, User Action, Timestamp"
)


class ReportError(Exception):
    """The file is not a report we can read; the message says why and what we expect."""


@dataclass
class Participant:
    """One person in the report, their join/leave segments merged."""

    name: str
    email: str = ""
    minutes: float = 0.0
    first_join: datetime | None = None
    segments: int = 0

    def add(self, minutes, joined):
        self.minutes += max(minutes or 0.0, 0.0)
        self.segments += 1
        if joined is not None and (self.first_join is None or joined < self.first_join):
            self.first_join = joined


@dataclass
class Report:
    kind: str  # "zoom", "teams", "teams-legacy"
    participants: list[Participant] = field(default_factory=list)


# --- decoding ---------------------------------------------------------------------------

def decode(data: bytes) -> str:
    if len(data) > MAX_REPORT_BYTES:
        raise ReportError("The file is larger than 2 MB; a participant report is much smaller.")
    if not data.strip():
        raise ReportError("The file is empty.")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    elif data[:3] == b"\xef\xbb\xbf":
        encoding = "utf-8-sig"
    elif len(data) > 3 and data[1:2] == b"\x00" and data[3:4] == b"\x00":
        encoding = "utf-16-le"  # UTF-16 without its BOM
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReportError(
            "We could not read the file: save it as UTF-8 or UTF-16 CSV (as Zoom and Teams "
            "export it)."
        ) from exc
    if "\x00" in text:
        raise ReportError("This does not look like a text (CSV) file.")
    return text


# --- values -----------------------------------------------------------------------------

DATE_FORMATS = (
    "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y, %I:%M:%S %p", "%m/%d/%y, %I:%M:%S %p",
    "%m/%d/%y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y, %I:%M %p", "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y, %H:%M:%S", "%m/%d/%y, %H:%M:%S", "%m/%d/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M",
)


def parse_time(value: str, tz) -> datetime | None:
    value = " ".join((value or "").replace("\u202f", " ").split())
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
        for fmt in DATE_FORMATS:
            try:
                parsed = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        raise ReportError(f"We could not read the time “{value}” (expected e.g. "
                          "11/18/2026 06:58:12 PM).")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|"
                           r"secs|seconds?)\b", re.I)


def parse_duration(value: str) -> float | None:
    """Minutes from "1h 2m 3s", "58m 12s", "45" (Zoom's whole minutes) or "1:02:03"."""
    value = (value or "").strip()
    if not value:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    if re.fullmatch(r"\d+:\d{2}(:\d{2})?", value):
        parts = [int(p) for p in value.split(":")]
        if len(parts) == 2:
            parts = [0, *parts]
        return parts[0] * 60 + parts[1] + parts[2] / 60
    parts = DURATION_PART.findall(value)
    if not parts:
        raise ReportError(f"We could not read the duration “{value}” (expected e.g. 1h 2m 3s).")
    minutes = 0.0
    for number, unit in parts:
        unit = unit[0].lower()
        minutes += float(number) * {"h": 60, "m": 1, "s": 1 / 60}[unit]
    return minutes


def normalise_name(name: str) -> str:
    """Lowercase, no accents, no parenthetical remarks, no punctuation, single spaces."""
    name = re.sub(r"\([^)]*\)", " ", name or "")
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"[^\w\s]", " ", name.lower())
    return " ".join(name.split())


def _email(value: str) -> str:
    value = (value or "").strip().lower()
    return value if "@" in value else ""


# --- layouts ----------------------------------------------------------------------------

def _cells(line, delimiter):
    return [c.strip().strip('"').strip() for c in next(csv.reader([line], delimiter=delimiter))]


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
        "This is not a participant report we recognise. Expected a header row with the "
        f"columns of one of these: {EXPECTED}."
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


def parse_report(data: bytes, tz) -> Report:
    text = decode(data)
    lines = text.splitlines()
    kind, at, delimiter, header = _find_header(lines)
    people: dict[str, Participant] = {}

    def person(name, email):
        name = (name or "").strip()
        email = _email(email)
        key = email or normalise_name(name)
        if not key:
            return None
        if key not in people:
            people[key] = Participant(name=name, email=email)
        return people[key]

    def cell(row, index):
        return row[index] if index is not None and index < len(row) else ""

    if kind == "zoom":
        name_i = _index(header, "name (original name)", "name")
        email_i = _index(header, "user email", "email")
        join_i = _index(header, "join time")
        leave_i = _index(header, "leave time")
        dur_i = _index(header, "duration (minutes)", "duration (mins)", "duration")
        for row in _rows(lines, at + 1, delimiter, "all"):
            p = person(cell(row, name_i), cell(row, email_i))
            if p is None:
                continue
            joined = parse_time(cell(row, join_i), tz)
            left = parse_time(cell(row, leave_i), tz)
            if joined and left:
                minutes = (left - joined).total_seconds() / 60
            else:
                minutes = parse_duration(cell(row, dur_i))
            p.add(minutes, joined)
    elif kind == "teams":
        name_i = _index(header, "name", "full name")
        email_i = _index(header, "email")
        upn_i = _index(header, "participant id (upn)", "upn")
        join_i = _index(header, "first join")
        leave_i = _index(header, "last leave")
        dur_i = _index(header, "in-meeting duration", "duration")
        for row in _rows(lines, at + 1, delimiter, "section"):
            p = person(cell(row, name_i), cell(row, email_i) or cell(row, upn_i))
            if p is None:
                continue
            joined = parse_time(cell(row, join_i), tz)
            minutes = parse_duration(cell(row, dur_i))
            if minutes is None:
                left = parse_time(cell(row, leave_i), tz)
                minutes = (left - joined).total_seconds() / 60 if joined and left else 0
            p.add(minutes, joined)
    else:  # teams-legacy: pair Joined / Left per person, in time order
        name_i = _index(header, "full name", "name")
        action_i = _index(header, "user action", "activity")
        time_i = _index(header, "timestamp")
        events = []
        for row in _rows(lines, at + 1, delimiter, "all"):
            name = cell(row, name_i)
            if not name.strip():
                continue
            events.append((name, cell(row, action_i).strip().lower(),
                           parse_time(cell(row, time_i), tz)))
        if events:
            last = max(t for _, _, t in events if t)
            open_since = {}
            for name, action, at_time in sorted(events, key=lambda e: e[2]):
                p = person(name, "")
                key = id(p)
                if action.startswith("join"):
                    if key not in open_since:
                        open_since[key] = (p, at_time)
                elif action.startswith("left") or action.startswith("leave"):
                    if key in open_since:
                        _, joined = open_since.pop(key)
                        p.add((at_time - joined).total_seconds() / 60, joined)
            for p, joined in open_since.values():  # still there at the end of the report
                p.add((last - joined).total_seconds() / 60, joined)
    if not people:
        raise ReportError("The report has the right columns but no participants.")
    return Report(kind=kind, participants=list(people.values()))


# --- proposal ---------------------------------------------------------------------------

def propose_status(participant, session, min_share_percent) -> str:
    length = (session.ends_at - session.starts_at).total_seconds() / 60
    if participant.minutes * 100 < min_share_percent * length:
        return AttendanceStatus.ABSENT
    if participant.first_join and participant.first_join > session.starts_at + LATE_AFTER:
        return AttendanceStatus.LATE
    return AttendanceStatus.PRESENT


def match(participants, enrollments):
    """[(participant, enrollment or None, "email" | "name" | "")]: by email, then by name.

    A name shared by two learners matches neither (the facilitator decides). Several rows
    may match one learner (two devices); the caller merges them.
    """
    by_email = {e.user.email.lower(): e for e in enrollments}
    by_name: dict[str, list] = {}
    for e in enrollments:
        names = {normalise_name(e.user.full_name), normalise_name(e.user.display_name)}
        for name in names - {""}:
            by_name.setdefault(name, []).append(e)
    result = []
    for p in participants:
        e = by_email.get(p.email)
        how = "email" if e else ""
        if e is None:
            candidates = by_name.get(normalise_name(p.name), [])
            if not candidates:
                inner = re.findall(r"\(([^)]*)\)", p.name)  # Zoom: "Renamed (Original Name)"
                for alt in inner:
                    candidates = by_name.get(normalise_name(alt), [])
                    if candidates:
                        break
            if len({c.pk for c in candidates}) == 1:
                e, how = candidates[0], "name"
        result.append((p, e, how))
    return result



# --- the proposal the facilitator confirms (kept in a signed hidden field) ---------------

def build_proposal(report, session, enrollments, min_share_percent) -> dict:
    """A JSON-able proposal: the report's rows, the automatic matches, proposed statuses."""
    rows, auto = [], {}
    for i, (p, e, how) in enumerate(match(report.participants, enrollments)):
        rows.append({
            "name": p.name, "email": p.email, "minutes": round(p.minutes, 2),
            "first_join": p.first_join.isoformat() if p.first_join else None,
        })
        if e is not None:
            auto[str(i)] = [e.pk, how]
    proposal = {"session": session.pk, "share": min_share_percent, "kind": report.kind,
                "rows": rows, "auto": auto}
    proposal["proposed"] = statuses(proposal, {}, session, [e.pk for e in enrollments])
    return proposal


def statuses(proposal, hand_matches, session, enrollment_ids) -> dict[str, str]:
    """{enrollment_id (str): status}: rows merged per learner (minutes summed, earliest join);
    learners in no row are absent. `hand_matches`: {row index (str): enrollment_id}."""
    owners = {k: v[0] for k, v in proposal["auto"].items()}
    owners.update({str(k): int(v) for k, v in hand_matches.items() if v})
    merged: dict[int, Participant] = {}
    for index, enrollment_id in owners.items():
        row = proposal["rows"][int(index)]
        p = merged.setdefault(enrollment_id, Participant(name=row["name"]))
        joined = datetime.fromisoformat(row["first_join"]) if row["first_join"] else None
        p.add(row["minutes"], joined)
    result = {}
    for enrollment_id in enrollment_ids:
        p = merged.get(enrollment_id)
        result[str(enrollment_id)] = (
            propose_status(p, session, proposal["share"]) if p else AttendanceStatus.ABSENT
        )
    return result
