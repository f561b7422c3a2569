"""The emails the cohort rules send, written to the outbox (academy.outbox) in the same
transaction as the change: enrollment decisions and session reminders."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from academy.outbox import outbox_enqueue
from academy.times import in_zone

from .models import CohortEventKind, EnrollmentStatus, Session

# Subjects are lazy (str.format braces): outbox_enqueue translates them for the recipient.
SUBJECTS = {
    "received": _("We received your application to {cohort}"),
    "enrolled": _("You are enrolled in {cohort}"),
    "waitlisted": _("You are on the waitlist of {cohort}"),
    "promoted": _("A seat opened up: you are enrolled in {cohort}"),
    "approved": _("Your application to {cohort} is approved"),
    "declined": _("Your application to {cohort}"),
    "removed": _("Your enrollment in {cohort}"),
    "withdrawn": _("You have withdrawn from {cohort}"),
    "not_completed": _("Your result in {cohort}"),
    "cancelled": _("{cohort} is cancelled"),
}
# Emails about a place that ended: no schedule and no calendar link in them.
ENDED_KINDS = {"declined", "removed", "withdrawn", "not_completed", "cancelled"}
TEMPLATES = {"removed": "enrollment_declined"}


def _site_url(path_of) -> str:
    return settings.SITE_URL + path_of()


# A link made when the email is rendered, in the recipient's language (/es/... for
# Spanish): the context is built once for a cohort and rendered for each person.
site_url_lazy = lazy(_site_url, str)


def _calendar_url(cohort) -> str:
    return cohort.calendar_url


def cohort_email_context(cohort, *, schedule=True) -> dict:
    """What every cohort email shows (times are rendered in the recipient's zone, links
    in their language); the schedule and calendar link only while the person has a place
    to come to."""
    context = {
        "cohort": cohort,
        "course": cohort.course,
        "cohort_url": site_url_lazy(cohort.get_absolute_url),
        "my_learning_url": site_url_lazy(lambda: reverse("my_learning")),
    }
    if schedule:
        context["upcoming_sessions"] = list(
            Session.objects.active().filter(cohort=cohort, ends_at__gte=timezone.now())
        )
        context["calendar_url"] = lazy(_calendar_url, str)(cohort)
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
        subject=format_lazy(SUBJECTS[event.kind], cohort=f"{cohort.course.title}, {cohort.title}"),
        template=template,
        context=context,
    )


def _starts_for(session, user) -> str:
    """When `session` starts, for a subject: in `user`'s zone and the active language
    (outbox_enqueue renders the subject in the recipient's)."""
    with timezone.override(user.time_zone or settings.TIME_ZONE):
        if (translation.get_language() or "en").split("-")[0] == "en":
            return f"{timezone.localtime(session.starts_at):%a %b %-d, %-I:%M %p %Z}"
        return in_zone(session.starts_at, timezone.get_current_timezone(), "medium")


starts_lazy = lazy(_starts_for, str)


def session_reminder_email(session, enrollment, context):
    """Queue the reminder of `session` to one enrolled learner (`context`: the cohort's)."""
    user = enrollment.user
    return outbox_enqueue(
        to_user=user,
        kind="session.reminder",
        subject=format_lazy(
            _("Reminder: {session} ({course}) starts {starts}"),
            session=session.title, course=session.cohort.course.title,
            starts=starts_lazy(session, user),
        ),
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
        subject=format_lazy(
            _("Cancelled: {session} ({course})") if cancelled
            else _("New time: {session} ({course})"),
            session=session.title, course=course,
        ),
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
