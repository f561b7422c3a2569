"""What happened to a cohort, and who did it: state changes, capacity and session changes,
announcements to its learners. Each enrollment keeps its own history (EnrollmentEvent)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from academy.inputs import bounded


class CohortEventKind(models.TextChoices):
    OPENED = "opened", _("Opened for enrollment")
    STARTED = "started", _("Started")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")
    CAPACITY = "capacity", _("Capacity changed")
    SESSION_MOVED = "session_moved", _("Session moved")
    SESSION_CANCELLED = "session_cancelled", _("Session cancelled")
    ANNOUNCEMENT = "announcement", _("Announcement")


class CohortEvent(models.Model):
    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(max_length=20, choices=CohortEventKind.choices)
    summary = models.CharField(max_length=300)
    message = models.TextField(**bounded(5000, blank=True))
    recipients = models.PositiveIntegerField(default=0, help_text=_("People emailed about it."))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.summary
