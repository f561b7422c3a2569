"""Background work for certificates: render the PDF (one, or a batch of a cohort's),
sweep forgotten renders.

Delivery is at least once. The render task acknowledges late and is re-queued if the
worker dies under it (`acks_late` + `reject_on_worker_lost`), retries with backoff, and is
idempotent (certificates.services.certificate_render). A periodic sweeper re-queues
certificates still unrendered after ten minutes, whatever happened to their message, and
gives up (marks them failed) after CERTIFICATE_MAX_RENDER_ATTEMPTS. The learner's email
goes through the outbox (academy.outbox) once the PDF is stored.
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db.models import F

from academy.models import User

from .models import Certificate
from .services import (
    certificate_issue_completed,
    certificate_issue_self_paced,
    certificate_render,
    certificate_render_failed,
    certificate_render_many,
    certificates_to_sweep,
    renders_queue,
)

log = logging.getLogger(__name__)

SWEEP_AFTER = timedelta(minutes=10)
RETRY_ALONE_AFTER = 5  # seconds before a certificate that failed in a batch is tried alone
# Both render tasks: at least once (late acknowledgement, re-queued if the worker dies),
# retried with backoff until CERTIFICATE_MAX_RENDER_ATTEMPTS.
RENDER_DELIVERY = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (Exception,),
    "retry_backoff": 5,
    "retry_backoff_max": 10 * 60,
    "retry_jitter": True,
    "max_retries": settings.CERTIFICATE_MAX_RENDER_ATTEMPTS - 1,
}


@shared_task(name="certificates.render", bind=True, **RENDER_DELIVERY)
def certificate_render_task(self, certificate_id: int):
    if not Certificate.objects.filter(pk=certificate_id).update(
        render_attempts=F("render_attempts") + 1
    ):
        return "missing"
    # Imported here, not at the top: WeasyPrint loads only in the processes that render,
    # not in every web process that queues a render by name.
    from .rendering import render_certificate_pdf

    try:
        certificate_render(certificate_id=certificate_id, render=render_certificate_pdf)
    except Exception as exc:
        certificate_render_failed(
            certificate_id=certificate_id,
            error=f"{exc.__class__.__name__}: {exc}",
            attempts_left=self.request.retries < self.max_retries,
        )
        raise
    return "rendered"


@shared_task(name="certificates.render_batch", **RENDER_DELIVERY)
def certificate_render_batch_task(certificate_ids: list[int]):
    """Several certificates' renders in one message (a cohort's, `renders_queue`): their
    attempts counted and their rows read in one query each. A certificate whose render
    fails keeps its error and is handed to the single render task, which retries it with
    backoff; the others are not held up. Raising (the database gone) retries the batch."""
    ids = [int(pk) for pk in certificate_ids]
    Certificate.objects.filter(pk__in=ids).update(render_attempts=F("render_attempts") + 1)
    from .rendering import render_certificate_pdf

    failures = certificate_render_many(certificate_ids=ids, render=render_certificate_pdf)
    for pk, exc in failures.items():
        log.warning("Certificate %s failed to render in a batch (%s: %s); retrying it alone",
                    pk, exc.__class__.__name__, exc)
        certificate_render_failed(certificate_id=pk, error=f"{exc.__class__.__name__}: {exc}",
                                  attempts_left=True)
        try:
            certificate_render_task.apply_async((pk,), countdown=RETRY_ALONE_AFTER)
        except Exception:  # noqa: BLE001 - no broker: it ran here and failed again
            log.exception("Certificate %s failed to render again", pk)
    return {"certificates": len(ids), "retrying": len(failures)}


@shared_task(name="certificates.sweep")
def certificate_sweep_task(older_than_seconds: int | None = None):
    """Re-queue certificates left unrendered (lost message, dead worker, failed run)."""
    age = SWEEP_AFTER if older_than_seconds is None else timedelta(seconds=older_than_seconds)
    ids = certificates_to_sweep(age)
    renders_queue(ids)
    if ids:
        log.info("Re-queued %d unrendered certificates", len(ids))
    return len(ids)


@shared_task(name="certificates.issue_completed")
def certificate_issue_completed_task(cohort_id: int, actor_id: int | None = None) -> int:
    """After a cohort is closed: certificates for its completed learners."""
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    return len(certificate_issue_completed(cohort_id=cohort_id, actor=actor))


@shared_task(name="certificates.issue_self_paced")
def certificate_issue_self_paced_task(enrollment_id: int) -> str:
    certificate = certificate_issue_self_paced(enrollment_id=enrollment_id)
    return "issued" if certificate else "not completed"


@shared_task(name="certificates.requirement_reminders", acks_late=True)
def requirement_reminders_task():
    """Daily: officials whose required hours are missing 60 and 14 days before a due date
    are emailed, once per threshold (certificates.requirements)."""
    from django.utils import timezone

    from .requirements import requirement_reminders_send

    return requirement_reminders_send(today=timezone.localdate())
