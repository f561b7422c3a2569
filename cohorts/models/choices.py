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
    COMPLETED = "completed", "Completed"


# Statuses that hold a seat, and statuses that still claim a place in the cohort.
SEAT_STATUSES = (EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED)
ACTIVE_STATUSES = (
    EnrollmentStatus.PENDING,
    EnrollmentStatus.ENROLLED,
    EnrollmentStatus.WAITLISTED,
    EnrollmentStatus.COMPLETED,
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
