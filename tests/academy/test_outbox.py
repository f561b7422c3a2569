"""The email outbox (academy.outbox): at least once, never lost, failures shown to staff."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from academy.models import OutboxEmail
from academy.outbox import outbox_due, outbox_enqueue, outbox_send
from academy.tasks import outbox_sweep_task

pytestmark = pytest.mark.django_db


def enqueue(user, **extra):
    return outbox_enqueue(
        to_user=user, kind="test.hello", subject="Hello", template="test_hello",
        context={"greeting": "Welcome"}, **extra,
    )


@pytest.fixture(autouse=True)
def _templates(settings, tmp_path):
    folder = tmp_path / "templates" / "emails"
    folder.mkdir(parents=True)
    (folder / "test_hello.txt").write_text("{{ greeting }}, {{ user.first_name }}.")
    (folder / "test_hello.html").write_text("<p>{{ greeting }}, {{ user.first_name }}.</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}
    ]


def test_sent_on_commit_with_text_and_html(official, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row = enqueue(official)
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == ("sent", 1, "")
    [message] = mail.outbox
    assert message.subject == "[Governance Academy] Hello"
    assert message.body == "Welcome, Rosa."
    assert message.alternatives[0][0] == "<p>Welcome, Rosa.</p>"


def test_a_live_claim_keeps_others_away_until_it_expires(official, settings):
    """A sender that died after claiming: nobody sends the row until the claim expires,
    then the sweeper does (a lost email is impossible; a duplicate needs a death between
    sending and marking)."""
    row = enqueue(official)
    OutboxEmail.objects.filter(pk=row.pk).update(
        claimed_until=timezone.now() + timedelta(minutes=4), attempts=1
    )
    assert outbox_due() == [] and outbox_send(email_id=row.pk) == "not due"
    OutboxEmail.objects.filter(pk=row.pk).update(claimed_until=timezone.now())
    assert outbox_due() == [row.pk]
    assert outbox_sweep_task.delay().get() == 1
    row.refresh_from_db()
    assert row.status == "sent" and row.attempts == 2 and len(mail.outbox) == 1


def test_failures_back_off_then_give_up_with_the_error(official, settings):
    settings.EMAIL_BACKEND = "tests.mailbackends.DisconnectedBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 3
    row = enqueue(official)
    results = []
    for _ in range(3):
        OutboxEmail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
        results.append(outbox_send(email_id=row.pk))
        row.refresh_from_db()
        if row.status == "pending":
            assert row.next_attempt_at > timezone.now()  # backoff before the next try
    assert results == ["retry", "retry", "failed"]
    assert row.status == "failed" and row.attempts == 3
    assert "Connection unexpectedly closed" in row.last_error
    assert outbox_due() == []  # no longer retried by the sweeper


def test_a_missing_attachment_is_retried_not_lost(official, settings):
    row = enqueue(official, attachments=[
        {"name": "certificates/later.pdf", "filename": "c.pdf", "mimetype": "application/pdf"}
    ])
    assert outbox_send(email_id=row.pk) == "retry"
    assert mail.outbox == []
    default_storage.save("certificates/later.pdf", ContentFile(b"%PDF-1.7 test"))
    OutboxEmail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert outbox_send(email_id=row.pk) == "sent"
    assert mail.outbox[0].attachments[0][0] == "c.pdf"


def test_staff_see_a_failed_email_and_send_it_again(client, staff, official, settings,
                                                    django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.mailbackends.DisconnectedBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 1
    row = enqueue(official)
    assert outbox_send(email_id=row.pk) == "failed"
    client.force_login(staff)
    listing = client.get("/admin/emails/?status=failed").content.decode()
    assert "Hello" in listing and official.email in listing
    page = client.get(f"/admin/emails/inspect/{row.pk}/").content.decode()
    assert "Connection unexpectedly closed" in page and "Send again" in page
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/emails/{row.pk}/retry/")
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == "sent" and len(mail.outbox) == 1


def test_officials_cannot_see_the_outbox(client, official):
    client.force_login(official)
    assert client.get("/admin/emails/").status_code == 403  # "no access to the admin"
