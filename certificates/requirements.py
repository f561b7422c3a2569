"""State training requirements for officials: where each one stands, and the reminders.

`requirement_rows(users, today)` reads, for each official, every requirement that binds
them on each body they serve on (certificates/rules/, the state's file) with the current
window from certificates/hours/windows.py: hours counted, hours still needed, the due
date, and the courses that may count. A completed course counts toward a requirement
only where staff tagged it so (CoursePage.counts_toward), with the hours attended
(certificates.selectors, the same hours as the certificate). The queries do not grow
with the number of officials, requirements or completed courses.

What counts is for the official or their clerk to confirm; nothing here is a legal
conclusion, and every row carries the rule's source and the date it was checked.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from academy.models import BodyMembership, User
from academy.outbox import outbox_enqueue
from courses.models import CoursePage

from .hours.requirements import requirements_for
from .hours.windows import RequirementStatus, State, TermFacts, TrainingRecord, requirement_status
from .models import RequirementReminder
from .selectors import completed_courses

REMINDER_DAYS = (60, 14)
STATE_LABELS = {
    State.MET: _("Met"),
    State.OPEN: _("Hours still needed"),
    State.DUE_SOON: _("Due soon"),
    State.OVERDUE: _("Overdue"),
    State.NOT_APPLICABLE: _("Not required now"),
    State.UNKNOWN: _("Date missing"),
}


def _month_day(day: date) -> str:
    """"March 2" ("2 de marzo"), in the language active when it is shown."""
    return date_format(day, pgettext("date format: month and day", "F j"))


_month_day_lazy = lazy(_month_day, str)


@dataclass
class RequirementRow:
    user_id: int
    body: object
    requirement: object
    status: RequirementStatus
    courses: list  # CoursePages tagged for it that the official has not completed
    seat: str = ""
    user: object = None

    @property
    def state(self):
        return self.status.state

    @property
    def state_label(self):
        return STATE_LABELS[self.status.state]

    @property
    def hours_done(self):
        return self.status.window.hours_counted if self.status.window else None

    @property
    def previous_met_on(self):
        history = self.status.history
        return history[-2].met_on if len(history) > 1 else None

    @property
    def verified_on(self):
        p = self.requirement.provenance
        return p.last_verified or p.taken_on


def _facts(terms) -> TermFacts:
    left = [t.left_on for t in terms]
    return TermFacts(
        oath_dates=tuple(t.oath_date for t in terms if t.oath_date),
        election_dates=tuple(t.election_date for t in terms if t.election_date),
        left_office=max(left) if left and all(left) else None,
    )


def _tagged_courses():
    """Live courses staff tagged with requirements, by requirement id (one query)."""
    by_requirement = defaultdict(list)
    courses = (
        CoursePage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)  # one entry per course
        .exclude(counts_toward=[])
        .only("id", "title", "url_path", "path", "depth", "counts_toward", "estimated_hours")
        .order_by("title")
    )
    for course in courses:
        for requirement_id in course.counts_toward or ():
            by_requirement[requirement_id].append(course)
    return by_requirement


def requirement_rows(user_ids, *, today: date) -> dict[int, list[RequirementRow]]:
    """Each official's requirements on each body, in five queries whatever their number."""
    user_ids = list(user_ids)
    terms = defaultdict(list)
    for term in (
        BodyMembership.objects.filter(user_id__in=user_ids)
        .select_related("body", "user")
        .order_by("user_id", "body__name", "body_id", "oath_date", "pk")
    ):
        terms[(term.user_id, term.body_id)].append(term)
    if not terms:
        return {}
    records = completed_courses(user_ids)
    tagged = _tagged_courses()
    rows = defaultdict(list)
    for (user_id, _body_id), body_terms in terms.items():
        body = body_terms[0].body
        latest = body_terms[-1]
        office = latest.seat or latest.user.office_title
        conditions = ("compensated",) if any(t.compensated for t in body_terms) else ()
        facts = _facts(body_terms)
        done_titles = {r.course_title for r in records.get(user_id, ())}
        for requirement in requirements_for(
            state=body.state, body_type=body.body_type, office=office, conditions=conditions
        ):
            counted = [
                TrainingRecord(
                    completed_on=r.completed_on,
                    hours=r.hours_attended,
                    topics=requirement.topics,
                    provider=", ".join(r.providers),
                    key=r.enrollment_id,
                )
                for r in records.get(user_id, ())
                if requirement.id in r.counts_toward
            ]
            status = requirement_status(requirement, facts, counted, today=today)
            courses = [c for c in tagged.get(requirement.id, ()) if c.title not in done_titles]
            rows[user_id].append(RequirementRow(
                user_id, body, requirement, status, courses, seat=office, user=latest.user
            ))
    return rows


def requirement_reminders_send(*, today: date) -> int:
    """Email each official whose hours are missing 60 and 14 days before a due date, once
    per threshold and window (a second run the same day, or a retry, sends nothing)."""
    user_ids = (
        BodyMembership.objects.filter(left_on__isnull=True)
        .values_list("user_id", flat=True).distinct().order_by("user_id")
    )
    sent = 0
    ids = list(user_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        users = User.objects.in_bulk(chunk)
        for user_id, rows in requirement_rows(chunk, today=today).items():
            for row in rows:
                sent += _remind(users[user_id], row, today)
    return sent


def _remind(user, row, today) -> int:
    window = row.status.window
    if row.state not in (State.OPEN, State.DUE_SOON) or window is None or window.met:
        return 0
    days_left = (window.due - today).days
    due_thresholds = [d for d in REMINDER_DAYS if days_left <= d]
    if not due_thresholds or days_left < 0:
        return 0
    days_before = min(due_thresholds)  # 14 days left: the 14-day reminder, not the 60-day
    try:
        with transaction.atomic():
            RequirementReminder.objects.create(
                user=user, body=row.body, requirement_id=row.requirement.id,
                due=window.due, days_before=days_before,
            )
            outbox_enqueue(
                to_user=user,
                kind="requirement.reminder",
                subject=format_lazy(  # in the recipient's language (outbox_enqueue)
                    _("{requirement}: {hours} hours still to record by {due}"),
                    requirement=row.requirement.title, hours=window.hours_needed,
                    due=_month_day_lazy(window.due),
                ),
                template="requirement_reminder",
                context={"row": row, "window": window, "days_left": days_left},
            )
    except IntegrityError:
        return 0  # already sent for this window and threshold
    return 1
