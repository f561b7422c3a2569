"""Attendance (one row per session and learner) and session reminders."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import ATTENDED_STATUSES, AttendanceSource, AttendanceStatus


class Attendance(models.Model):
    """Whether one enrolled person came to one session; marking again updates this row."""

    session = models.ForeignKey(
        "cohorts.Session", on_delete=models.CASCADE, related_name="attendance"
    )
    enrollment = models.ForeignKey(
        "cohorts.Enrollment", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    note = models.CharField(max_length=500, blank=True)
    source = models.CharField(
        max_length=20, choices=AttendanceSource.choices, default=AttendanceSource.FACILITATOR
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["session_id", "enrollment_id"]
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"], name="unique_attendance"
            )
        ]

    def __str__(self):
        return f"{self.enrollment_id} at {self.session_id}: {self.status}"

    @property
    def attended(self):
        return self.status in ATTENDED_STATUSES


class SessionReminder(models.Model):
    """The reminder of one session to one enrolled person, queued once (unique pair)."""

    session = models.ForeignKey(
        "cohorts.Session", on_delete=models.CASCADE, related_name="reminders"
    )
    enrollment = models.ForeignKey(
        "cohorts.Enrollment", on_delete=models.CASCADE, related_name="session_reminders"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"], name="unique_session_reminder"
            )
        ]
