"""What the certificate services share: the error people read, the render task's name,
the learner's emails and removing a stored PDF."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse

from academy.outbox import outbox_enqueue

RENDER_TASK = "certificates.render"


class CertificateError(Exception):
    """A rule was broken; the message is for people."""


def _email_learner(certificate, *, kind, subject, template, attachments=()):
    """Write an email about `certificate` to its learner's outbox (in this transaction)."""
    return outbox_enqueue(
        to_user=certificate.enrollment.user,
        kind=kind,
        subject=subject,
        template=template,
        context={
            "certificate": certificate,
            "verify_url": certificate.verification_url,
            "pdf_url": settings.SITE_URL + certificate.pdf_url,
            "my_learning_url": settings.SITE_URL + reverse("my_learning"),
            "linkedin_url": certificate.linkedin_url,
        },
        attachments=attachments,
    )


def _delete_pdf(name: str) -> None:
    if default_storage.exists(name):
        default_storage.delete(name)
