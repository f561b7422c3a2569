"""The clerk's export: per body or per state, who has met each requirement and who is
short. Staff see every official; a facilitator the officials enrolled in cohorts they run
(Cohort.objects.managed_by). The queries do not grow with the number of officials."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from academy.models import Body, BodyMembership, User
from cohorts.models import Cohort, Enrollment

from .requirements import requirement_rows

CSV_HEADER = [  # in the request's language when written
    gettext_lazy("Official"), gettext_lazy("Email"), gettext_lazy("Body"),
    gettext_lazy("State"), gettext_lazy("Seat"), gettext_lazy("Requirement"),
    pgettext_lazy("requirement", "Status"), gettext_lazy("Hours counted"),
    gettext_lazy("Hours required"),
    gettext_lazy("Hours still needed"), gettext_lazy("Period start"),
    pgettext_lazy("date", "Due"), gettext_lazy("Source"),
]


@dataclass
class ClerkReport:
    title: str
    rows: list  # RequirementRow, with .user
    met: int
    short: int


def officials_in_scope(actor):
    """Who `actor` may report on: everyone for staff, their cohorts' learners otherwise."""
    if actor.is_staff:
        return User.objects.all()
    learners = Enrollment.objects.filter(cohort__in=Cohort.objects.managed_by(actor))
    return User.objects.filter(pk__in=learners.values("user_id"))


def bodies_in_scope(actor):
    return Body.objects.filter(
        memberships__user__in=officials_in_scope(actor)
    ).distinct().order_by("state", "name")


def clerk_report(*, actor, today, state=None, body=None) -> ClerkReport:
    terms = BodyMembership.objects.filter(user__in=officials_in_scope(actor))
    if body is not None:
        terms = terms.filter(body=body)
        title = f"{body.name} ({body.state})"
    else:
        terms = terms.filter(body__state=state)
        title = _("Officials in %(state)s") % {"state": state}
    user_ids = set(terms.values_list("user_id", flat=True))
    rows = []
    for user_rows in requirement_rows(user_ids, today=today).values():
        for row in user_rows:
            if (body is not None and row.body.pk != body.pk) or (
                body is None and row.body.state != state
            ):
                continue
            rows.append(row)
    rows.sort(key=lambda r: (r.body.name, r.requirement.id, r.user.last_name,
                             r.user.first_name, r.user_id))
    met = sum(1 for r in rows if r.state == "met")
    short = sum(1 for r in rows if r.state in ("open", "due_soon", "overdue", "unknown"))
    return ClerkReport(title, rows, met, short)


def clerk_csv_rows(report):
    for row in report.rows:
        window = row.status.window
        yield [
            row.user.printed_name, row.user.email, row.body.name, row.body.state,
            row.seat, row.requirement.title, row.state_label,
            window.hours_counted if window else "", row.requirement.hours,
            window.hours_needed if window else "",
            window.start.isoformat() if window else "", window.due.isoformat() if window else "",
            f"{row.requirement.provenance.citation} {row.requirement.provenance.source_url}",
        ]
