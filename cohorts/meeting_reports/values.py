"""Reading a participant report's bytes and cells: encoding, times, durations, names."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from ..models.cohort import EARLIEST_YEAR, LATEST_YEAR

MAX_REPORT_BYTES = 2 * 1024 * 1024
# The csv module refuses a cell over 128 kB; no name, email or time comes near it.
MAX_CELL_CHARS = 128 * 1024
# Longer than any session (12 hours at most) by far: a duration past a day is a broken file.
MAX_DURATION_MINUTES = 24 * 60

EXPECTED = (
    "Zoom: Name (Original Name), User Email, Join Time, Leave Time, Duration (Minutes); "
    "Teams: Name, First Join, Last Leave, In-Meeting Duration, Email; "
    "or older Teams: Full Name, User Action, Timestamp"
)


class ReportError(Exception):
    """The file is not a report we can read; the message says why and what we expect (in
    the language of the request)."""


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
        raise ReportError(
            _("The file is larger than 2 MB; a participant report is much smaller."))
    if not data.strip():
        raise ReportError(_("The file is empty."))
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
            _("We could not read the file: save it as UTF-8 or UTF-16 CSV (as Zoom and Teams "
              "export it).")
        ) from exc
    if "\x00" in text:
        raise ReportError(_("This does not look like a text (CSV) file."))
    return text


# --- values -----------------------------------------------------------------------------

DATE_FORMATS = (
    "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y, %I:%M:%S %p", "%m/%d/%y, %I:%M:%S %p",
    "%m/%d/%y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y, %I:%M %p", "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y, %H:%M:%S", "%m/%d/%y, %H:%M:%S", "%m/%d/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M",
)


def _shown(value: str) -> str:
    """A cell as a message quotes it: at most 40 characters."""
    return value if len(value) <= 40 else value[:40] + "…"


def parse_time(value: str, tz) -> datetime | None:
    value = " ".join((value or "").replace("\u202f", " ").split())
    if not value:
        return None
    if len(value) > 40 or not value.isascii():
        raise ReportError(_("We could not read the time “%(value)s” (expected e.g. "
                            "11/18/2026 06:58:12 PM).") % {"value": _shown(value)})
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
        raise ReportError(_("We could not read the time “%(value)s” (expected e.g. "
                            "11/18/2026 06:58:12 PM).") % {"value": value})
    if not (EARLIEST_YEAR <= parsed.year <= LATEST_YEAR):
        # Sessions are dated between these years (cohorts.models.cohort); a time outside
        # them is a broken export, and would overflow in a time-zone conversion.
        raise ReportError(_("The time “%(value)s” is not between %(earliest)s and "
                            "%(latest)s; this report's times are broken. Export it again "
                            "from Zoom or Teams.") % {
            "value": value, "earliest": EARLIEST_YEAR, "latest": LATEST_YEAR})
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
    unreadable = ReportError(_("We could not read the duration “%(value)s” (expected "
                               "e.g. 1h 2m 3s).") % {"value": _shown(value)})
    if len(value) > 40 or not value.isascii():  # "²" is a digit to Python, not to us
        raise unreadable
    if re.fullmatch(r"\d+(\.\d+)?", value):
        minutes = float(value)
    elif re.fullmatch(r"\d+:\d{2}(:\d{2})?", value):
        parts = [int(p) for p in value.split(":")]
        if len(parts) == 2:
            parts = [0, *parts]
        minutes = parts[0] * 60 + parts[1] + parts[2] / 60
    else:
        parts = DURATION_PART.findall(value)
        if not parts:
            raise unreadable
        minutes = 0.0
        for number, unit in parts:
            unit = unit[0].lower()
            minutes += float(number) * {"h": 60, "m": 1, "s": 1 / 60}[unit]
    if minutes > MAX_DURATION_MINUTES:
        raise ReportError(_("The duration “%(value)s” is longer than a day; a participant "
                            "report never has one.") % {"value": value})
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
