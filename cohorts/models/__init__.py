"""Cohorts (runs of a course), their live sessions, enrollments, attendance and history.

The rules (capacity, waitlist, approval, attendance) live in cohorts/services/; models
hold fields, constraints and cheap properties.
"""

from .attendance import Attendance, SessionReminder
from .breakouts import BreakoutPlacement
from .calendar import CalendarToken, new_calendar_token
from .choices import (
    ACTIVE_STATUSES,
    ATTENDED_STATUSES,
    HISTORY_STATUSES,
    SEAT_STATUSES,
    AttendanceSource,
    AttendanceStatus,
    CohortStatus,
    EnrollmentMode,
    EnrollmentStatus,
)
from .cohort import (
    CHECK_IN_ALPHABET,
    CHECK_IN_OPENS_BEFORE,
    EARLIEST_YEAR,
    LATE_AFTER,
    LATEST_YEAR,
    Cohort,
    CohortQuerySet,
    Session,
    SessionQuerySet,
    new_check_in_code,
    session_times_problem,
)
from .enrollment import Enrollment, EnrollmentEvent, EnrollmentQuerySet
from .history import CohortEvent, CohortEventKind

__all__ = [
    "BreakoutPlacement",
    "ACTIVE_STATUSES", "ATTENDED_STATUSES", "HISTORY_STATUSES", "CohortEvent", "CohortEventKind",
    "SessionQuerySet", "CHECK_IN_ALPHABET", "CHECK_IN_OPENS_BEFORE", "EARLIEST_YEAR",
    "LATEST_YEAR",
    "LATE_AFTER", "SEAT_STATUSES", "Attendance", "AttendanceSource", "AttendanceStatus",
    "CalendarToken", "Cohort", "CohortQuerySet", "CohortStatus", "Enrollment",
    "EnrollmentEvent", "EnrollmentMode", "EnrollmentQuerySet", "EnrollmentStatus", "Session",
    "SessionReminder", "new_calendar_token", "new_check_in_code", "session_times_problem",
]
