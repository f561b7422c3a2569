"""What the certificate services share: the error people read, queueing renders, the
learner's emails and removing a stored PDF."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse

from academy.background import enqueue
from academy.outbox import outbox_enqueue

RENDER_TASK = "certificates.render"
RENDER_BATCH_TASK = "certificates.render_batch"
# Certificates per message when many are queued at once: Celery's cost per message and
# the queries that open a render are shared by the batch, and a batch takes well under a
# second, so the two PDF processes still finish a cohort together.
RENDER_BATCH = 10


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


def renders_queue(certificate_ids) -> None:
    """Queue the renders of these certificates when the transaction commits: one by one
    for a single certificate, RENDER_BATCH to a message for many (a cohort's)."""
    ids = list(certificate_ids)
    if len(ids) == 1:
        enqueue(RENDER_TASK, ids[0])
        return
    for start in range(0, len(ids), RENDER_BATCH):
        enqueue(RENDER_BATCH_TASK, ids[start:start + RENDER_BATCH])


def _delete_pdf(name: str) -> None:
    if default_storage.exists(name):
        default_storage.delete(name)
