"""Worker start-up check: warn when WeasyPrint must subset fonts in Python."""

import logging

from celery.signals import worker_ready

logger = logging.getLogger(__name__)


@worker_ready.connect(dispatch_uid="certificates.check_font_subsetting")
def warn_without_harfbuzz_subset(sender=None, **kwargs):
    from .rendering import weasyprint_subsetting_ok  # WeasyPrint loads only in workers

    if not weasyprint_subsetting_ok():
        logger.warning(
            "libharfbuzz-subset0 is missing: WeasyPrint falls back to Python font "
            "subsetting and certificate PDFs render about ten times slower. "
            "Install it (apt-get install libharfbuzz-subset0, see scripts/system-deps.sh)."
        )
