"""Emails about enrollments and session reminders.

Tasks take ids, claim their work with an atomic UPDATE ... WHERE x IS NULL (so running
twice, or a retry racing a duplicate, sends once), and retry with backoff on transient
mail errors, giving the claim back first so the retry can take it again.
"""

import logging
from datetime import timedelta
from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import (
    CohortStatus,
    EnrollmentEvent,
    EnrollmentStatus,
    Session,
    SessionReminder,
)

log = logging.getLogger(__name__)

TRANSIENT_MAIL_ERRORS = (SMTPException, ConnectionError, TimeoutError)
RETRY = {
    "bind": True,
    "autoretry_for": TRANSIENT_MAIL_ERRORS,
    "retry_backoff": 30,
    "retry_backoff_max": 30 * 60,
    "retry_jitter": True,
    "max_retries": 8,
}
REMINDER_LEAD = timedelta(hours=24)

SUBJECTS = {
    "received": "We received your application to {cohort}",
    "enrolled": "You are enrolled in {cohort}",
    "waitlisted": "You are on the waitlist of {cohort}",
    "promoted": "A seat opened up: you are enrolled in {cohort}",
    "approved": "Your application to {cohort} is approved",
    "declined": "Your application to {cohort}",
    "removed": "Your enrollment in {cohort}",
    "withdrawn": "You have withdrawn from {cohort}",
}


def _send(*, to, subject, template, context):
    context = {"site_url": settings.SITE_URL, **context}
    text = render_to_string(f"emails/{template}.txt", context)
    html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=text, to=[to]
    )
    message.attach_alternative(html, "text/html")
    message.send()


def _cohort_context(cohort, user):
    """What every cohort email shows, times in the recipient's own time zone."""
    sessions = list(cohort.sessions.filter(ends_at__gte=timezone.now()))
    return {
        "cohort": cohort,
        "course": cohort.course,
        "user": user,
        "upcoming_sessions": sessions,
        "cohort_url": settings.SITE_URL + cohort.get_absolute_url(),
        "calendar_url": cohort.calendar_url,
        "my_learning_url": settings.SITE_URL + reverse("my_learning"),
    }


@shared_task(**RETRY)
def enrollment_notify_task(self, event_id: int):
    """Email the learner about one status change (EnrollmentEvent); at most once per event."""
    claimed = EnrollmentEvent.objects.filter(pk=event_id, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if not claimed:
        return "already sent"
    event = EnrollmentEvent.objects.select_related(
        "enrollment__cohort__course", "enrollment__user"
    ).get(pk=event_id)
    if event.kind not in SUBJECTS:
        return "nothing to send"
    enrollment = event.enrollment
    cohort, user = enrollment.cohort, enrollment.user
    template = "enrollment_declined" if event.kind == "removed" else f"enrollment_{event.kind}"
    try:
        with timezone.override(user.time_zone or settings.TIME_ZONE):
            context = _cohort_context(cohort, user)
            context.update(
                {
                    "event": event,
                    "enrollment": enrollment,
                    "removed": event.kind == "removed",
                    "waitlisted": event.to_status == EnrollmentStatus.WAITLISTED,
                    "waitlist_position": enrollment.waitlist_position,
                }
            )
            _send(
                to=user.email,
                subject=SUBJECTS[event.kind].format(
                    cohort=f"{cohort.course.title}, {cohort.title}"
                ),
                template=template,
                context=context,
            )
    except Exception:
        EnrollmentEvent.objects.filter(pk=event_id).update(notified_at=None)
        raise
    return "sent"


@shared_task
def session_reminders_task():
    """Celery beat: queue the reminder of every session starting within 24 hours.

    Safe to run as often as you like: one SessionReminder row per (session, enrollment)
    (unique), and the send task claims the row before mailing.
    """
    now = timezone.now()
    sessions = list(
        Session.objects.filter(
            starts_at__gt=now,
            starts_at__lte=now + REMINDER_LEAD,
            cohort__status__in=[CohortStatus.OPEN, CohortStatus.IN_PROGRESS],
        ).prefetch_related("cohort__enrollments")
    )
    rows = [
        SessionReminder(session=session, enrollment=enrollment)
        for session in sessions
        for enrollment in session.cohort.enrollments.all()
        if enrollment.status == EnrollmentStatus.ENROLLED
    ]
    SessionReminder.objects.bulk_create(rows, ignore_conflicts=True)
    due = list(
        SessionReminder.objects.filter(
            session__in=sessions,
            sent_at__isnull=True,
            enrollment__status=EnrollmentStatus.ENROLLED,
        ).values_list("pk", flat=True)
    )
    for pk in due:
        transaction.on_commit(lambda pk=pk: session_reminder_send_task.delay(pk))
    Session.objects.filter(pk__in=[s.pk for s in sessions], reminder_sent_at__isnull=True).update(
        reminder_sent_at=now
    )
    return len(due)


@shared_task(**RETRY)
def session_reminder_send_task(self, reminder_id: int):
    """Send one reminder, once: the atomic claim on `sent_at` makes a second run a no-op."""
    claimed = SessionReminder.objects.filter(pk=reminder_id, sent_at__isnull=True).update(
        sent_at=timezone.now()
    )
    if not claimed:
        return "already sent"
    reminder = SessionReminder.objects.select_related(
        "session", "enrollment__user", "enrollment__cohort__course"
    ).get(pk=reminder_id)
    session, enrollment = reminder.session, reminder.enrollment
    if enrollment.status != EnrollmentStatus.ENROLLED or session.starts_at <= timezone.now():
        return "not needed"
    cohort, user = enrollment.cohort, enrollment.user
    try:
        with timezone.override(user.time_zone or settings.TIME_ZONE):
            context = _cohort_context(cohort, user)
            context["session"] = session
            _send(
                to=user.email,
                subject=f"Reminder: {session.title} ({cohort.course.title}) starts "
                f"{timezone.localtime(session.starts_at):%a %b %-d, %-I:%M %p %Z}",
                template="session_reminder",
                context=context,
            )
    except Exception:
        SessionReminder.objects.filter(pk=reminder_id).update(sent_at=None)
        raise
    return "sent"
