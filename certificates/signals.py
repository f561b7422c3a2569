"""Worker start-up: warn when WeasyPrint must subset fonts in Python, and warm the
renderer in every process that renders certificates, so the first learner of a batch
waits no longer than the last. And saving the certificate settings forgets the copy
renders share (kept with the public pages, academy.public_cache)."""

import logging
import time

from celery.signals import celeryd_init, worker_process_init, worker_ready
from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from academy.memory import freeze_long_lived_objects
from academy.public_cache import public_pages_changed

from .models import CertificateSettings

logger = logging.getLogger(__name__)

# Set in the worker's main process (celeryd_init) before its pool forks: whether this
# worker consumes the PDF queue (a worker started without --queues consumes every queue).
_renders_certificates = False


@worker_ready.connect(dispatch_uid="certificates.check_font_subsetting")
def warn_without_harfbuzz_subset(sender=None, **kwargs):
    from .rendering import weasyprint_subsetting_ok  # WeasyPrint loads only in workers

    if not weasyprint_subsetting_ok():
        logger.warning(
            "libharfbuzz-subset0 is missing: WeasyPrint falls back to Python font "
            "subsetting and certificate PDFs render about ten times slower. "
            "Install it (apt-get install libharfbuzz-subset0, see scripts/system-deps.sh)."
        )


def consumes_pdf_queue(queues) -> bool:
    """`queues`: the worker's --queues option (a comma-separated string, a list, or None
    for every queue)."""
    if not queues:
        return True
    if isinstance(queues, str):
        queues = queues.split(",")
    return settings.PDF_TASK_QUEUE in [q.strip() for q in queues]


@celeryd_init.connect(dispatch_uid="certificates.note_pdf_worker")
def note_pdf_worker(sender=None, instance=None, options=None, **kwargs):
    global _renders_certificates
    _renders_certificates = consumes_pdf_queue((options or {}).get("queues"))


@worker_process_init.connect(dispatch_uid="certificates.warm_renderer")
def warm_renderer(sender=None, force=False, **kwargs) -> float | None:
    """Render one sample certificate in a new pool process of a PDF worker: fonts,
    stylesheet, templates and image caches load now instead of on a learner's
    certificate (2 to 12 s on a busy machine). Returns the seconds it took, or None when
    this process does not render certificates. Never fails the process: a broken
    renderer shows up as failed renders, with their error, as it would without this."""
    if not (_renders_certificates or force):
        return None
    from .rendering import certificate_data_sample, render_certificate_pdf

    started = time.perf_counter()
    try:
        render_certificate_pdf(certificate_data_sample())
    except Exception:  # noqa: BLE001 - logged; renders report their own errors
        logger.exception("Warming the certificate renderer failed")
        return None
    freeze_long_lived_objects()
    seconds = time.perf_counter() - started
    logger.info("Certificate renderer warmed in %.1f s", seconds)
    return seconds


@receiver(post_save, sender=CertificateSettings, dispatch_uid="certificates.settings_changed")
def certificate_settings_changed(sender=None, **kwargs):
    public_pages_changed()
