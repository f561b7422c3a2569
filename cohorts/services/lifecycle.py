"""The two state machines, written once: a cohort's and an enrollment's allowed moves.

Every entry point (views, admin viewsets, management commands, beat tasks) changes a
status through the services, and every service asks these tables. A refused move says
why, in words a facilitator understands.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import CohortStatus, EnrollmentStatus

C = CohortStatus
S = EnrollmentStatus

# draft -> open -> in progress -> finished; any state but finished -> cancelled.
COHORT_TRANSITIONS = {
    C.DRAFT: {C.OPEN, C.CANCELLED},
    C.OPEN: {C.IN_PROGRESS, C.CANCELLED},
    C.IN_PROGRESS: {C.FINISHED, C.CANCELLED},
    C.FINISHED: set(),
    C.CANCELLED: set(),
}

# pending -> enrolled | waitlisted | declined; waitlisted -> enrolled; enrolled ->
# withdrawn | removed | completed | not completed; any open state -> cancelled (with its
# cohort). A withdrawn person may come back (the same row is reused); a learner marked not
# completed may still be completed by a facilitator's exception, with a written reason.
# None is "no enrollment yet".
ENROLLMENT_TRANSITIONS = {
    None: {S.PENDING, S.ENROLLED, S.WAITLISTED},
    S.PENDING: {S.ENROLLED, S.WAITLISTED, S.DECLINED, S.WITHDRAWN, S.CANCELLED},
    S.WAITLISTED: {S.ENROLLED, S.DECLINED, S.WITHDRAWN, S.CANCELLED},
    S.ENROLLED: {S.WITHDRAWN, S.REMOVED, S.COMPLETED, S.NOT_COMPLETED, S.CANCELLED},
    S.WITHDRAWN: {S.PENDING, S.ENROLLED, S.WAITLISTED},
    S.NOT_COMPLETED: {S.COMPLETED},
    S.DECLINED: set(),
    S.REMOVED: set(),
    S.COMPLETED: set(),
    S.CANCELLED: set(),
}
# Statuses a cohort's cancellation ends (as Cancelled, history kept).
OPEN_ENROLLMENT_STATUSES = (S.PENDING, S.WAITLISTED, S.ENROLLED)

COHORT_REFUSALS = {
    C.FINISHED: gettext_lazy("This cohort is finished; its results are final."),
    C.CANCELLED: gettext_lazy("This cohort was cancelled."),
}
COHORT_ACTIONS = {
    C.OPEN: gettext_lazy("You cannot open it for enrollment now."),
    C.IN_PROGRESS: gettext_lazy("You cannot start it now."),
    C.FINISHED: gettext_lazy("You cannot close it now."),
    C.CANCELLED: gettext_lazy("You cannot cancel it now."),
}


def cohort_move_allowed(from_status, to_status) -> bool:
    return to_status in COHORT_TRANSITIONS.get(from_status, set())


def cohort_move_refusal(cohort, to_status) -> str:
    """Why `cohort` cannot move to `to_status` now (empty when it can, as far as the table
    goes; the services add the conditions of each move)."""
    if cohort_move_allowed(cohort.status, to_status):
        return ""
    if cohort.status in COHORT_REFUSALS:
        return str(COHORT_REFUSALS[cohort.status])
    if cohort.status == to_status:
        return _("This cohort is already %(status)s.") % {
            "status": cohort.get_status_display().lower()}
    needed = {
        C.OPEN: _("Only a draft cohort can be opened for enrollment."),
        C.IN_PROGRESS: _("Open the cohort for enrollment before you start it."),
        C.FINISHED: _("Start the cohort before you close it."),
    }
    return needed.get(to_status) or str(
        COHORT_ACTIONS.get(to_status, gettext_lazy("You cannot do that now.")))


def enrollment_move_allowed(from_status, to_status) -> bool:
    return to_status in ENROLLMENT_TRANSITIONS.get(from_status or None, set())
