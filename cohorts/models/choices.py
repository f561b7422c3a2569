"""Statuses and modes of cohorts, enrollments and attendance (no model imports)."""

from django.db import models


class CohortStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    FINISHED = "finished", "Finished"
    CANCELLED = "cancelled", "Cancelled"


class EnrollmentMode(models.TextChoices):
    OPEN = "open", "Open: first come, first served"
    APPROVAL = "approval", "Approval: a facilitator approves each applicant"


class EnrollmentStatus(models.TextChoices):
    PENDING = "pending", "Awaiting approval"
    ENROLLED = "enrolled", "Enrolled"
    WAITLISTED = "waitlisted", "On the waitlist"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"
    REMOVED = "removed", "Removed by a facilitator"
    COMPLETED = "completed", "Completed"
    NOT_COMPLETED = "not_completed", "Not completed"
    CANCELLED = "cancelled", "Cancelled with the cohort"


# Statuses of people who took a seat (the roster, attendance, progress), the ones that
# count against capacity while a cohort runs, and the ones that still claim a place.
SEAT_STATUSES = (
    EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED, EnrollmentStatus.NOT_COMPLETED
)
ACTIVE_STATUSES = (
    EnrollmentStatus.PENDING,
    EnrollmentStatus.ENROLLED,
    EnrollmentStatus.WAITLISTED,
    EnrollmentStatus.COMPLETED,
)
# The people whose story ended without completing: the facilitators' History filter.
HISTORY_STATUSES = (
    EnrollmentStatus.DECLINED,
    EnrollmentStatus.WITHDRAWN,
    EnrollmentStatus.REMOVED,
    EnrollmentStatus.CANCELLED,
    EnrollmentStatus.NOT_COMPLETED,
)


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    LATE = "late", "Late"
    EXCUSED = "excused", "Excused"
    ABSENT = "absent", "Absent"


ATTENDED_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class AttendanceSource(models.TextChoices):
    FACILITATOR = "facilitator", "Marked by a facilitator"
    SELF_CHECK_IN = "self_check_in", "Self check-in"
    IMPORT = "import", "Imported from a meeting report"
