"""Background work of the cohorts app: thin tasks that call the services."""

from celery import shared_task

from academy.models import User

from .services import cohort_close_results, session_reminders_queue
from .services.closing import unfinished_closings


@shared_task(name="cohorts.session_reminders")
def session_reminders_task() -> int:
    """Celery beat: queue the reminder of every session starting within a day."""
    return session_reminders_queue()


@shared_task(name="cohorts.close_results", acks_late=True, reject_on_worker_lost=True)
def cohort_close_results_task(cohort_id: int, actor_id: int | None = None) -> dict:
    """Set each learner's result once a cohort is closed (idempotent)."""
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    return cohort_close_results(cohort_id=cohort_id, actor=actor)


@shared_task(name="cohorts.close_sweep")
def cohort_close_sweep_task() -> int:
    """Celery beat: finish closings that were cut short (a worker died mid-way)."""
    ids = unfinished_closings()
    for pk in ids:
        cohort_close_results_task.delay(pk)
    return len(ids)
