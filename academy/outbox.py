"""The email outbox: every notification is a row written with the change that causes it,
then sent by a task. Delivery is at least once and nothing is lost:

- `outbox_enqueue` renders the email (in the recipient's time zone) and writes the row in
  the caller's transaction; the send task is queued when that transaction commits.
- `outbox_send` claims the row for `OUTBOX_CLAIM_SECONDS`, sends, then marks it sent. A
  sender that dies leaves a claim that expires; the sweeper (Celery beat) sends the row
  again. A duplicate is possible only when a sender dies between sending and marking.
- Any exception while building or sending leaves the row to be retried with backoff;
  after `OUTBOX_MAX_ATTEMPTS` it is marked failed, with the error, in the admin.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .background import enqueue
from .i18n import for_recipient
from .models import OutboxEmail, OutboxStatus

log = logging.getLogger(__name__)

SEND_TASK = "academy.outbox_send"


def _setting(name, default):
    return getattr(settings, name, default)


def email_context(**context) -> dict:
    """What every email template may use (the layout, emails/layout.txt|html: the
    academy's name, its address, My learning), plus the caller's values."""
    return {
        "site_url": settings.SITE_URL,
        "site_name": settings.SITE_NAME,
        "my_learning_url": settings.SITE_URL + reverse("my_learning"),
        **context,
    }


def outbox_enqueue(
    *, to_user, kind: str, subject: str, template: str, context: dict, attachments=()
) -> OutboxEmail:
    """Render `emails/<template>.txt|html` for `to_user`, in their language and time zone,
    and write the outbox row. Pass `subject` lazily (gettext_lazy / format_lazy) so that it
    is translated for the recipient, not for whoever caused the email.

    Call it inside the transaction that makes the change: the row commits with it, and
    the send is queued only then (nothing is sent for a change that rolled back).
    """
    with for_recipient(to_user):
        context = email_context(user=to_user, **context)
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
        subject = str(subject)  # a lazy subject is translated here, in their language
    return outbox_enqueue_rendered(
        to=to_user.email, recipient=to_user, kind=kind, subject=subject, text=text,
        html=html, attachments=attachments,
    )


def outbox_enqueue_rendered(
    *, to: str, recipient=None, kind: str, subject: str, text: str, html: str = "",
    attachments=(),
) -> OutboxEmail:
    """Write an email rendered elsewhere (allauth's account emails, Wagtail's moderation
    emails, from their templates on the same layout) to the outbox; `outbox_enqueue`
    ends here too. Every subject gets the academy's prefix here, once."""
    email = OutboxEmail.objects.create(
        recipient=recipient,
        to=to,
        kind=kind,
        subject=(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject)[:300],
        body_text=text,
        body_html=html,
        attachments=list(attachments),
    )
    enqueue(SEND_TASK, email.pk)
    return email


def _claim(email_id, now) -> bool:
    lease = timedelta(seconds=_setting("OUTBOX_CLAIM_SECONDS", 300))
    return bool(
        OutboxEmail.objects.filter(
            pk=email_id, status=OutboxStatus.PENDING, next_attempt_at__lte=now
        )
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + lease, attempts=F("attempts") + 1)
    )


def _message(email: OutboxEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(subject=email.subject, body=email.body_text, to=[email.to])
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        with default_storage.open(attachment["name"], "rb") as handle:
            message.attach(attachment["filename"], handle.read(), attachment["mimetype"])
    return message


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


def outbox_send(*, email_id: int) -> str:
    """Send one row if it is due and nobody else holds it. Never raises for a send error:
    the error is kept on the row for the retry (or for staff, once attempts run out)."""
    now = timezone.now()
    if not _claim(email_id, now):
        return "not due"
    email = OutboxEmail.objects.get(pk=email_id)
    try:
        _message(email).send()
    except Exception as exc:  # noqa: BLE001 - any failure is retried, then shown to staff
        failed = email.attempts >= _setting("OUTBOX_MAX_ATTEMPTS", 8)
        OutboxEmail.objects.filter(pk=email_id).update(
            claimed_until=None,
            status=OutboxStatus.FAILED if failed else OutboxStatus.PENDING,
            next_attempt_at=now + _backoff(email.attempts),
            last_error=f"{exc.__class__.__name__}: {exc}"[:2000],
        )
        log.warning("Email %s to %s not sent (attempt %s): %s", email_id, email.to,
                    email.attempts, exc)
        return "failed" if failed else "retry"
    OutboxEmail.objects.filter(pk=email_id).update(
        status=OutboxStatus.SENT, sent_at=timezone.now(), claimed_until=None, last_error=""
    )
    return "sent"


def outbox_due(*, limit: int = 500) -> list[int]:
    """Rows waiting to be sent: pending, due, and not held by a live claim."""
    now = timezone.now()
    return list(
        OutboxEmail.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def outbox_retry(*, email: OutboxEmail) -> OutboxEmail:
    """Staff send a failed email again: attempts start over."""
    OutboxEmail.objects.filter(pk=email.pk).update(
        status=OutboxStatus.PENDING, attempts=0, claimed_until=None,
        next_attempt_at=timezone.now(),
    )
    enqueue(SEND_TASK, email.pk)
    email.refresh_from_db()
    return email
