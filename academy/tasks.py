"""Background work of the people app: sending the email outbox (academy.outbox)."""

from celery import shared_task

from .outbox import outbox_due, outbox_send


@shared_task(name="academy.outbox_send")
def outbox_send_task(email_id: int) -> str:
    return outbox_send(email_id=email_id)


@shared_task(name="academy.outbox_sweep")
def outbox_sweep_task() -> int:
    """Celery beat: send what is due and unclaimed (never queued, failed once, or held by
    a sender that died)."""
    due = outbox_due()
    for pk in due:
        outbox_send_task.delay(pk)
    return len(due)
