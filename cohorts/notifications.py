"""The emails the cohort rules send, written to the outbox (academy.outbox) in the same
transaction as the change: enrollment decisions and session reminders."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from academy.outbox import outbox_enqueue

from .models import EnrollmentStatus

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


def cohort_email_context(cohort) -> dict:
    """What every cohort email shows (times are rendered in the recipient's zone)."""
    return {
        "cohort": cohort,
        "course": cohort.course,
        "upcoming_sessions": list(cohort.sessions.filter(ends_at__gte=timezone.now())),
        "cohort_url": settings.SITE_URL + cohort.get_absolute_url(),
        "calendar_url": cohort.calendar_url,
        "my_learning_url": settings.SITE_URL + reverse("my_learning"),
    }


def enrollment_event_email(event):
    """Queue the email of one status change (EnrollmentEvent), if its kind sends one."""
    if event.kind not in SUBJECTS:
        return None
    enrollment = event.enrollment
    cohort = enrollment.cohort
    template = "enrollment_declined" if event.kind == "removed" else f"enrollment_{event.kind}"
    context = cohort_email_context(cohort)
    context.update(
        event=event,
        enrollment=enrollment,
        removed=event.kind == "removed",
        waitlisted=event.to_status == EnrollmentStatus.WAITLISTED,
        waitlist_position=enrollment.waitlist_position,
    )
    return outbox_enqueue(
        to_user=enrollment.user,
        kind=f"enrollment.{event.kind}",
        subject=SUBJECTS[event.kind].format(cohort=f"{cohort.course.title}, {cohort.title}"),
        template=template,
        context=context,
    )


def session_reminder_email(session, enrollment, context):
    """Queue the reminder of `session` to one enrolled learner (`context`: the cohort's)."""
    user = enrollment.user
    with timezone.override(user.time_zone or settings.TIME_ZONE):
        starts = f"{timezone.localtime(session.starts_at):%a %b %-d, %-I:%M %p %Z}"
    return outbox_enqueue(
        to_user=user,
        kind="session.reminder",
        subject=f"Reminder: {session.title} ({session.cohort.course.title}) starts {starts}",
        template="session_reminder",
        context={**context, "session": session, "enrollment": enrollment},
    )
