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

from .parsers import parse_report
from .proposal import build_proposal, match, propose_status, statuses
from .values import (
    MAX_REPORT_BYTES,
    Participant,
    Report,
    ReportError,
    decode,
    normalise_name,
    parse_duration,
    parse_time,
)

__all__ = [
    "MAX_REPORT_BYTES", "Participant", "Report", "ReportError", "build_proposal", "decode",
    "match", "normalise_name", "parse_duration", "parse_report", "parse_time",
    "propose_status", "statuses",
]
