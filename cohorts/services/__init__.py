"""The cohorts rules, one module per entity: enrollment (capacity, approval, waitlist),
attendance (marks, imports, self check-in), reminders and calendar tokens. Views, admin
viewsets, management commands and tasks call these; none holds a rule of its own."""

from .attendance import (
    attendance_import,
    attendance_mark_all_present,
    attendance_record,
    attendance_record_sheet,
    normalise_check_in_code,
    session_check_in,
)
from .breakouts import breakouts_assign
from .calendar_tokens import calendar_token_for, calendar_token_reset
from .closing import close_progress, close_refusal, cohort_close, cohort_close_results
from .cohorts import cohort_announce, cohort_cancel, cohort_open, cohort_set_capacity, cohort_start
from .enrollment import (
    Admission,
    enrollment_admission,
    enrollment_approve,
    enrollment_complete_by_exception,
    enrollment_create,
    enrollment_decline,
    enrollment_promote,
    enrollment_remove,
    enrollment_withdraw,
)
from .errors import (
    AttendanceError,
    CohortBusy,
    EnrollmentError,
    EnrollmentNotFound,
    SheetError,
)
from .lifecycle import COHORT_TRANSITIONS, ENROLLMENT_TRANSITIONS, cohort_move_refusal
from .reminders import session_reminders_queue
from .self_paced import self_paced_check, self_paced_cohort, self_paced_start
from .sessions import session_cancel, session_move, session_times_problem, sessions_edited

__all__ = [
    "breakouts_assign",
    "Admission", "AttendanceError", "CohortBusy", "EnrollmentError", "EnrollmentNotFound",
    "attendance_import", "attendance_mark_all_present", "attendance_record",
    "attendance_record_sheet", "SheetError",
    "calendar_token_for", "calendar_token_reset", "enrollment_admission",
    "enrollment_approve", "enrollment_complete_by_exception", "enrollment_create",
    "enrollment_decline", "enrollment_promote",
    "enrollment_remove", "enrollment_withdraw", "normalise_check_in_code",
    "session_check_in", "session_reminders_queue", "COHORT_TRANSITIONS",
    "ENROLLMENT_TRANSITIONS", "close_progress", "close_refusal", "cohort_announce",
    "cohort_cancel", "cohort_close", "cohort_close_results", "cohort_move_refusal",
    "cohort_open", "cohort_set_capacity", "cohort_start", "self_paced_check",
    "self_paced_cohort", "self_paced_start", "session_cancel", "session_move",
    "session_times_problem", "sessions_edited",
]
