"""The emails the cohort rules send, written to the outbox (academy.outbox) in the same
transaction as the change: enrollment decisions and session reminders."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from academy.outbox import outbox_enqueue

from .models import CohortEventKind, EnrollmentStatus, Session

SUBJECTS = {
    "received": "We received your application to {cohort}",
    "enrolled": "You are enrolled in {cohort}",
    "waitlisted": "You are on the waitlist of {cohort}",
    "promoted": "A seat opened up: you are enrolled in {cohort}",
    "approved": "Your application to {cohort} is approved",
    "declined": "Your application to {cohort}",
    "removed": "Your enrollment in {cohort}",
    "withdrawn": "You have withdrawn from {cohort}",
    "not_completed": "Your result in {cohort}",
    "cancelled": "{cohort} is cancelled",
}
# Emails about a place that ended: no schedule and no calendar link in them.
ENDED_KINDS = {"declined", "removed", "withdrawn", "not_completed", "cancelled"}
TEMPLATES = {"removed": "enrollment_declined"}


def cohort_email_context(cohort, *, schedule=True) -> dict:
    """What every cohort email shows (times are rendered in the recipient's zone); the
    schedule and calendar link only while the person has a place to come to."""
    context = {
        "cohort": cohort,
        "course": cohort.course,
        "cohort_url": settings.SITE_URL + cohort.get_absolute_url(),
        "my_learning_url": settings.SITE_URL + reverse("my_learning"),
    }
    if schedule:
        context["upcoming_sessions"] = list(
            Session.objects.active().filter(cohort=cohort, ends_at__gte=timezone.now())
        )
        context["calendar_url"] = cohort.calendar_url
    return context


def enrollment_event_email(event):
    """Queue the email of one status change (EnrollmentEvent), if its kind sends one."""
    if event.kind not in SUBJECTS:
        return None
    enrollment = event.enrollment
    cohort = enrollment.cohort
    template = TEMPLATES.get(event.kind, f"enrollment_{event.kind}")
    context = cohort_email_context(cohort, schedule=event.kind not in ENDED_KINDS)
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


def session_change_email(session, enrollment, *, kind, message=""):
    """Queue the news of a moved or cancelled session to one enrolled learner."""
    cancelled = kind == CohortEventKind.SESSION_CANCELLED
    course = session.cohort.course.title
    context = cohort_email_context(session.cohort)
    context.update(session=session, enrollment=enrollment, cancelled=cancelled,
                   message=message)
    return outbox_enqueue(
        to_user=enrollment.user,
        kind="session.cancelled" if cancelled else "session.moved",
        subject=(f"Cancelled: {session.title} ({course})" if cancelled
                 else f"New time: {session.title} ({course})"),
        template="session_changed",
        context=context,
    )


def announcement_email(event, enrollment):
    """Queue a facilitator's announcement (a CohortEvent) to one learner."""
    context = cohort_email_context(event.cohort)
    context.update(announcement=event, enrollment=enrollment, author=event.actor)
    return outbox_enqueue(
        to_user=enrollment.user,
        kind="cohort.announcement",
        subject=f"{event.summary} ({event.cohort.course.title}, {event.cohort.title})",
        template="cohort_announcement",
        context=context,
    )
