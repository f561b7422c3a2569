"""Background work of the cohorts app: thin tasks that call the services."""

from celery import shared_task

from .services import session_reminders_queue


@shared_task(name="cohorts.session_reminders")
def session_reminders_task() -> int:
    """Celery beat: queue the reminder of every session starting within a day."""
    return session_reminders_queue()
