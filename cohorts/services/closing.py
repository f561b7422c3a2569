"""Closing a cohort: the facilitator's confirmation fixes every learner's result.

`cohort_close` (the request) checks the state machine and that the last session has ended,
marks the cohort finished and queues `cohort_close_results` (the background part), which
sets each enrolled learner to Completed or Not completed by the completion rule, emails the
ones not completed what was missing, and finally asks the certificates app (by task name)
to issue the completed learners' certificates. The background part is idempotent: it only
touches enrollments still Enrolled, so running it twice, or after a crash, is safe.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from academy.background import enqueue, enqueue_long
from academy.i18n import for_recipient
from academy.times import in_zone

from ..models import Cohort, CohortEventKind, CohortStatus, Enrollment, EnrollmentStatus, Session
from ..progress import LearnerProgress, enrollments_progress
from .cohorts import _managed_cohort, _move
from .enrollment import set_status
from .errors import EnrollmentError
from .lifecycle import cohort_move_refusal
from .locking import cohort_transaction, lock_enrollment

S = EnrollmentStatus
BATCH = 50
RESULTS_TASK = "cohorts.close_results"
CERTIFICATES_TASK = "certificates.issue_completed"


def close_refusal(cohort, now=None) -> str:
    """Why the cohort cannot be closed now ("" when it can)."""
    if cohort.status != CohortStatus.IN_PROGRESS:
        return cohort_move_refusal(cohort, CohortStatus.FINISHED)
    last = Session.objects.active().filter(cohort=cohort).order_by("-ends_at").first()
    if last is not None and last.ends_at > (now or timezone.now()):
        if (get_language() or "en")[:2] == "en":
            ends = f"{timezone.localtime(last.ends_at, cohort.tzinfo):%a %b %-d at %-I:%M %p %Z}"
        else:
            ends = in_zone(last.ends_at, cohort.tzinfo, "weekday")
        return _("The last session, %(session)s, ends %(ends)s; close the cohort after "
                 "it.") % {"session": last.title, "ends": ends}
    return ""


def what_was_missing(cohort, progress: LearnerProgress) -> str:
    """The completion rule, said to one learner (empty when nothing was missing), in the
    active language."""
    attendance = _(
        "attendance of %(percent)s%% of the sessions (yours: %(yours)s, %(attended)s of "
        "%(counted)s counted sessions)"
    ) % {"percent": cohort.min_attendance_percent, "yours": progress.attendance_display,
         "attended": progress.attended,
         "counted": progress.sessions_held - progress.excused}
    modules = _("the required modules (%(done)s of %(required)s done)") % {
        "done": progress.modules_done, "required": progress.modules_required}
    if not progress.attendance_ok and not progress.modules_ok:
        return _("%(attendance)s and %(modules)s") % {"attendance": attendance,
                                                       "modules": modules}
    if not progress.attendance_ok:
        return attendance
    if not progress.modules_ok:
        return modules
    return ""


def cohort_close(*, cohort, actor) -> Cohort:
    """In progress -> finished, once the last session has ended; results follow in the
    background (progress on the close page)."""
    with cohort_transaction():
        cohort = _managed_cohort(cohort, actor)
        refusal = close_refusal(cohort)
        if refusal:
            raise EnrollmentError(refusal, code="state")
        cohort.closed_at = timezone.now()
        cohort.save(update_fields=["closed_at"])
        _move(cohort, CohortStatus.FINISHED, actor, CohortEventKind.CLOSED, "Closed")
        enqueue_long(RESULTS_TASK, cohort.pk, actor.pk)
    return cohort


def _finish_one(enrollment_id, cohort, progress, actor, has_certificate):
    with transaction.atomic():
        enrollment = lock_enrollment(enrollment_id)
        if enrollment.status != S.ENROLLED:
            return None  # already decided (a second run, or a withdrawal before the close)
        enrollment.cohort = cohort
        if progress.eligible or has_certificate:
            set_status(enrollment, S.COMPLETED, actor=actor, kind="completed")
            return True
        with for_recipient(enrollment.user):  # the learner's email says it in their language
            missing = what_was_missing(cohort, progress)
        set_status(enrollment, S.NOT_COMPLETED, actor=actor, kind="not_completed",
                   message=missing)
        return False


def cohort_close_results(*, cohort_id: int, actor=None) -> dict:
    """Set every enrolled learner's result, a batch at a time; then queue the certificates.
    A learner who was issued a certificate early (by exception) counts as completed."""
    cohort = Cohort.objects.select_related("course").get(pk=cohort_id)
    if cohort.status != CohortStatus.FINISHED:
        return {"completed": 0, "not_completed": 0}
    counts = {"completed": 0, "not_completed": 0}
    while True:
        batch = list(
            Enrollment.objects.filter(cohort=cohort, status=S.ENROLLED)
            .select_related("user").order_by("pk")[:BATCH]
        )
        if not batch:
            break
        with_certificate = set(
            Enrollment.objects.filter(pk__in=[e.pk for e in batch],
                                      certificate__revoked_at__isnull=True,
                                      certificate__isnull=False).values_list("pk", flat=True)
        )
        for e in batch:
            e.cohort = cohort
        progress = enrollments_progress(batch)
        for e in batch:
            done = _finish_one(e.pk, cohort, progress[e.pk], actor, e.pk in with_certificate)
            if done is not None:
                counts["completed" if done else "not_completed"] += 1
    enqueue(CERTIFICATES_TASK, cohort.pk, getattr(actor, "pk", None))
    return counts


def unfinished_closings() -> list[int]:
    """Finished cohorts with learners still Enrolled: a closing cut short (the sweeper
    runs cohort_close_results for them again)."""
    return list(
        Cohort.objects.filter(status=CohortStatus.FINISHED, enrollments__status=S.ENROLLED)
        .values_list("pk", flat=True).distinct()
    )


def close_progress(cohort) -> dict:
    """For the progress bar: results recorded of the learners who were enrolled."""
    rows = Enrollment.objects.filter(
        cohort=cohort, status__in=[S.ENROLLED, S.COMPLETED, S.NOT_COMPLETED]
    ).values_list("status", flat=True)
    statuses = list(rows)
    return {
        "total": len(statuses),
        "decided": sum(s != S.ENROLLED for s in statuses),
        "completed": statuses.count(S.COMPLETED),
        "not_completed": statuses.count(S.NOT_COMPLETED),
    }
