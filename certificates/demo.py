"""The academy's certificate settings for the demo (called by `manage.py seed_demo`, after
the cohorts): a fictional, named signatory with a title rather than "Academy Director".

The cohorts' demo closes a cohort and so renders certificates before this runs; those
rendered with other settings are rendered again (same code, no second email)."""

from wagtail.models import Site

from .models import Certificate, CertificateSettings
from .services import renders_queue

SIGNATORY_NAME = "Dr. Amara Okafor"
SIGNATORY_TITLE = "Executive Director, Progressive Governance Academy"


def seed(log):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    cert_settings = CertificateSettings.for_site(site)
    if (cert_settings.signatory_name, cert_settings.signatory_title) == (
        SIGNATORY_NAME, SIGNATORY_TITLE
    ):
        return
    cert_settings.signatory_name, cert_settings.signatory_title = (
        SIGNATORY_NAME, SIGNATORY_TITLE
    )
    cert_settings.save()
    log(f"certificate signatory {SIGNATORY_NAME}, {SIGNATORY_TITLE}")
    renders_queue(
        Certificate.objects.filter(revoked_at__isnull=True).exclude(pdf="").values_list(
            "pk", flat=True))
