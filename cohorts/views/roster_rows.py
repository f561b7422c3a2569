"""The roster's rows, rendered in Python, as the attendance sheet's are (sheet_rows.py):
with a Django template a 50-row page of a 400-learner cohort spent more time on its rows
(a translation, a URL reversal and a CSRF token per row) than on the whole module page.
The words are translated once per page; every value from a person goes through `escape`.
"""

from html import escape

from django.template.backends.utils import csrf_input
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..models import CohortStatus, EnrollmentStatus

S = EnrollmentStatus


class RosterWords:
    """The roster's words in the active language, and what every row's forms share."""

    def __init__(self, request, cohort):
        self.eligible = _("Eligible")
        self.on_track = _("On track")
        self.at_risk = _("At risk")
        self.held = _("%(attended)s of %(held)s held")
        self.excused = _("%(excused)s excused")
        self.position = _("number %(position)s")
        self.approve, self.enroll_now = _("Approve"), _("Enroll now")
        self.decline, self.remove = _("Decline"), _("Remove")
        self.csrf = csrf_input(request)  # what {% csrf_token %} renders
        self.next = (f'<input type="hidden" name="next" '
                     f'value="{escape(request.get_full_path())}">')
        # ".../enrollments/0/approve/" with the 0 as the place of each learner's id.
        self.action = reverse("facilitate_enrollment_action", args=[cohort.slug, 0, "approve"])
        self.can_remove = cohort.status != CohortStatus.FINISHED

    def url(self, pk, action):
        return self.action.replace("/0/approve/", f"/{pk}/{action}/")


def _progress_cells(p, words: RosterWords) -> str:
    if p is None:
        return "<td>–</td><td>–</td><td>–</td>"
    held = words.held % {"attended": p.attended, "held": p.sessions_held}
    if p.excused:
        held += ", " + words.excused % {"excused": p.excused}
    if p.eligible:
        badge = f'<span class="badge text-bg-success">{words.eligible}</span>'
    elif p.on_track:
        badge = f'<span class="badge text-bg-light border">{words.on_track}</span>'
    else:
        badge = f'<span class="badge text-bg-warning">{words.at_risk}</span>'
    return (f'<td>{p.attendance_display} <span class="small text-muted">({held})</span></td>'
            f'<td>{p.modules_done} / {p.modules_required}</td><td>{badge}</td>')


def _actions(e, name, words: RosterWords) -> str:
    hidden = f'<span class="visually-hidden"> {name}</span>'
    if e.status in (S.PENDING, S.WAITLISTED):
        if e.status == S.PENDING:
            first = (f'<button class="btn btn-sm btn-success" formaction="'
                     f'{words.url(e.pk, "approve")}">{words.approve}{hidden}</button>')
        else:
            first = (f'<button class="btn btn-sm btn-outline-primary" formaction="'
                     f'{words.url(e.pk, "promote")}">{words.enroll_now}{hidden}</button>')
        return (f'<form method="post" class="d-inline">{words.csrf}{words.next}{first} '
                f'<button class="btn btn-sm btn-outline-danger" formaction="'
                f'{words.url(e.pk, "decline")}">{words.decline}{hidden}</button></form>')
    if e.status == S.ENROLLED and words.can_remove:
        return (f'<form method="post" class="d-inline" action="{words.url(e.pk, "remove")}">'
                f'{words.csrf}{words.next}<button class="btn btn-sm btn-outline-danger">'
                f'{words.remove}{hidden}</button></form>')
    return ""


def roster_row(e, words: RosterWords) -> str:
    user = e.user
    name = escape(user.display_name)
    pronouns = (f' <span class="fw-normal">({escape(user.pronouns)})</span>'
                if user.pronouns else "")
    status = escape(e.get_status_display())
    if e.status == S.WAITLISTED:
        status += f" ({words.position % {'position': e.waitlist_position}})"
    kind = (f'<div class="small text-muted">{escape(user.get_jurisdiction_type_display())}'
            f'</div>' if user.jurisdiction_type else "")
    return (
        f'<tr><th scope="row">{name}{pronouns}<div class="small fw-normal text-muted">'
        f'{escape(user.email)}</div></th>'
        f'<td>{status}</td><td>{escape(user.jurisdiction_name)}{kind}</td>'
        f'<td>{escape(user.state)}</td>{_progress_cells(e.progress, words)}'
        f'<td class="small">{escape(e.accessibility_needs)}</td>'
        f'<td class="text-nowrap">{_actions(e, name, words)}</td></tr>'
    )


def roster_rows(request, cohort, rows) -> str:
    words = RosterWords(request, cohort)
    return mark_safe("".join(roster_row(e, words) for e in rows))
