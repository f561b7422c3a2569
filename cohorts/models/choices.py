"""Statuses and modes of cohorts, enrollments and attendance (no model imports)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CohortStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    FINISHED = "finished", _("Finished")
    CANCELLED = "cancelled", _("Cancelled")


class EnrollmentMode(models.TextChoices):
    OPEN = "open", _("Open: first come, first served")
    APPROVAL = "approval", _("Approval: a facilitator approves each applicant")


class EnrollmentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    ENROLLED = "enrolled", pgettext_lazy("enrollment status", "Enrolled")
    WAITLISTED = "waitlisted", _("On the waitlist")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REMOVED = "removed", _("Removed by a facilitator")
    COMPLETED = "completed", _("Completed")
    NOT_COMPLETED = "not_completed", _("Not completed")
    CANCELLED = "cancelled", _("Cancelled with the cohort")


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
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


ATTENDED_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class AttendanceSource(models.TextChoices):
    FACILITATOR = "facilitator", _("Marked by a facilitator")
    SELF_CHECK_IN = "self_check_in", _("Self check-in")
    IMPORT = "import", _("Imported from a meeting report")
