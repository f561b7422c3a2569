"""Session reminders: each enrolled learner is reminded of each session once, about a day
before it starts. The reminder row (unique per session and learner) and its email are
written in one transaction, so a reminder is never queued twice nor lost."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..models import CohortStatus, Enrollment, EnrollmentStatus, Session, SessionReminder
from ..notifications import cohort_email_context, session_reminder_email

REMINDER_LEAD = timedelta(hours=24)


def session_reminders_queue(*, now=None) -> int:
    """Queue the reminders of every session starting within REMINDER_LEAD; returns how many.
    Safe to run as often as you like (Celery beat runs it every 15 minutes)."""
    now = now or timezone.now()
    session_ids = list(
        Session.objects.filter(
            starts_at__gt=now,
            starts_at__lte=now + REMINDER_LEAD,
            cohort__status__in=[CohortStatus.OPEN, CohortStatus.IN_PROGRESS],
        ).values_list("pk", flat=True)
    )
    queued = 0
    for session_id in session_ids:
        with transaction.atomic():
            # The session's row lock makes concurrent runs take turns.
            session = (
                Session.objects.select_for_update(of=("self",))
                .select_related("cohort__course")
                .get(pk=session_id)
            )
            reminded = SessionReminder.objects.filter(session=session).values("enrollment_id")
            due = list(
                Enrollment.objects.filter(cohort_id=session.cohort_id,
                                          status=EnrollmentStatus.ENROLLED)
                .exclude(pk__in=reminded)
                .select_related("user")
            )
            if due:
                SessionReminder.objects.bulk_create(
                    [SessionReminder(session=session, enrollment=e) for e in due]
                )
                context = cohort_email_context(session.cohort)
                for enrollment in due:
                    session_reminder_email(session, enrollment, context)
            session.reminder_sent_at = now
            session.save(update_fields=["reminder_sent_at"])
            queued += len(due)
    return queued
