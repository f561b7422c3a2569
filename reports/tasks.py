"""Background work for impact reports: render the annual PDF (thin: ids in, a service out)."""

import logging

from celery import shared_task

from .services import impact_pdf_failed, impact_pdf_render

log = logging.getLogger(__name__)


@shared_task(
    name="reports.impact_pdf_render",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    retry_backoff=5,
    max_retries=2,
)
def impact_pdf_render_task(self, report_id: int):
    # Imported here: WeasyPrint loads only in the processes that render.
    from .rendering import render_impact_pdf

    try:
        return impact_pdf_render(report_id=report_id, render=render_impact_pdf)
    except Exception as exc:
        if self.request.retries >= self.max_retries:
            impact_pdf_failed(report_id=report_id, error=f"{exc.__class__.__name__}: {exc}")
        raise
