"""The cohorts rules, one module per entity: enrollment (capacity, approval, waitlist),
attendance (marks, imports, self check-in), reminders and calendar tokens. Views, admin
viewsets, management commands and tasks call these; none holds a rule of its own."""

from .attendance import (
    attendance_import,
    attendance_mark_all_present,
    attendance_record,
    normalise_check_in_code,
    session_check_in,
)
from .calendar_tokens import calendar_token_for, calendar_token_reset
from .enrollment import (
    Admission,
    enrollment_admission,
    enrollment_approve,
    enrollment_create,
    enrollment_decline,
    enrollment_promote,
    enrollment_remove,
    enrollment_withdraw,
)
from .errors import AttendanceError, CohortBusy, EnrollmentError, EnrollmentNotFound
from .reminders import session_reminders_queue

__all__ = [
    "Admission", "AttendanceError", "CohortBusy", "EnrollmentError", "EnrollmentNotFound",
    "attendance_import", "attendance_mark_all_present", "attendance_record",
    "calendar_token_for", "calendar_token_reset", "enrollment_admission",
    "enrollment_approve", "enrollment_create", "enrollment_decline", "enrollment_promote",
    "enrollment_remove", "enrollment_withdraw", "normalise_check_in_code",
    "session_check_in", "session_reminders_queue",
]
