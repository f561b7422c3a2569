"""Changes to a cohort's sessions reach people: moving or cancelling a session emails the
enrolled learners and updates their calendars (the same UID with a higher SEQUENCE).
The facilitator workspace and the admin's cohort form both come through here."""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.inputs import too_long
from academy.public_cache import public_pages_changed

from ..models import (
    CohortEvent,
    CohortEventKind,
    CohortStatus,
    Enrollment,
    Session,
    session_times_problem,
)
from ..models import EnrollmentStatus as S
from ..notifications import session_change_email
from .errors import EnrollmentError, EnrollmentNotFound
from .locking import cohort_transaction, lock_cohort

MAX_SESSION_MESSAGE = 2000


def _check_message(message):
    problem = too_long(message, MAX_SESSION_MESSAGE, "the message to the learners")
    if problem:
        raise EnrollmentError(_("%(problem)s Nothing was changed.") % {"problem": problem},
                              code="message")


def _tell_learners(session, *, kind, actor, summary, message=""):
    public_pages_changed()  # the session's times or state show on the public pages
    learners = list(
        Enrollment.objects.filter(cohort_id=session.cohort_id, status=S.ENROLLED)
        .select_related("user")
    )
    for enrollment in learners:
        session_change_email(session, enrollment, kind=kind, message=message)
    CohortEvent.objects.create(cohort=session.cohort, actor=actor, kind=kind, summary=summary,
                               message=message, recipients=len(learners))
    return len(learners)


def _managed_session(session, actor):
    cohort = lock_cohort(session.cohort_id)
    if not cohort.is_managed_by(actor):
        raise EnrollmentNotFound()
    session = Session.objects.select_for_update().get(pk=session.pk)
    session.cohort = cohort
    if cohort.status in (CohortStatus.FINISHED, CohortStatus.CANCELLED):
        raise EnrollmentError(_("This cohort is %(status)s; its sessions no longer "
                                "change.") % {"status": cohort.get_status_display().lower()},
                              code="state")
    if session.cancelled_at:
        raise EnrollmentError(_("This session was cancelled."), code="state")
    return session


def session_move(*, session, actor, starts_at, ends_at, message: str = "") -> Session:
    """New times for a session; enrolled learners are emailed and calendars update."""
    problem = session_times_problem(starts_at, ends_at)
    if problem:
        raise EnrollmentError(problem, code="times")
    _check_message(message)
    with cohort_transaction():
        session = _managed_session(session, actor)
        if (session.starts_at, session.ends_at) == (starts_at, ends_at):
            return session
        before = session.starts_at
        Session.objects.filter(pk=session.pk).update(
            starts_at=starts_at, ends_at=ends_at, sequence=F("sequence") + 1,
            reminder_sent_at=None,
        )
        cohort = session.cohort
        session.refresh_from_db()
        session.cohort = cohort
        local = timezone.localtime(before, cohort.tzinfo)
        _tell_learners(session, kind=CohortEventKind.SESSION_MOVED, actor=actor,
                       summary=f"{session.title} moved (was {local:%b %-d, %-I:%M %p %Z})",
                       message=message)
    return session


def session_cancel(*, session, actor, message: str = "") -> Session:
    """Cancel one session: it stays in calendars as cancelled and counts for nothing."""
    _check_message(message)
    with cohort_transaction():
        session = _managed_session(session, actor)
        Session.objects.filter(pk=session.pk).update(
            cancelled_at=timezone.now(), sequence=F("sequence") + 1
        )
        cohort = session.cohort
        session.refresh_from_db()
        session.cohort = cohort
        _tell_learners(session, kind=CohortEventKind.SESSION_CANCELLED, actor=actor,
                       summary=f"{session.title} cancelled", message=message)
    return session


def sessions_edited(*, cohort, actor, before: dict) -> int:
    """After the admin saved a cohort's sessions: `before` is {session_id: (starts, ends)}
    as they were. Moved sessions get a higher SEQUENCE and their learners an email; removed
    ones are refused once the cohort is open (cancel them instead). Returns moves told."""
    sessions = {s.pk: s for s in Session.objects.filter(cohort=cohort)}
    gone = set(before) - set(sessions)
    if gone and cohort.status != CohortStatus.DRAFT:
        raise EnrollmentError(
            _("Sessions of an open cohort are cancelled, not deleted, so that learners are "
              "told and calendars update: use Cancel on the session in the facilitator "
              "workspace."),
            code="state")
    told = 0
    for pk, (starts_at, ends_at) in before.items():
        session = sessions.get(pk)
        if session is None or (session.starts_at, session.ends_at) == (starts_at, ends_at):
            continue
        Session.objects.filter(pk=pk).update(sequence=F("sequence") + 1, reminder_sent_at=None)
        session.cohort = cohort
        if cohort.status in (CohortStatus.OPEN, CohortStatus.IN_PROGRESS):
            local = timezone.localtime(starts_at, cohort.tzinfo)
            _tell_learners(session, kind=CohortEventKind.SESSION_MOVED, actor=actor,
                           summary=f"{session.title} moved (was {local:%b %-d, %-I:%M %p %Z})")
            told += 1
    return told
