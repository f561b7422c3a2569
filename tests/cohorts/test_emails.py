"""Emails: sent on commit by Celery tasks (eager here), once each, with the .ics link."""

from datetime import timedelta
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.utils import timezone

from cohorts import tasks
from cohorts.models import EnrollmentEvent, Session, SessionReminder
from cohorts.services import (
    enrollment_approve,
    enrollment_create,
    enrollment_decline,
    enrollment_promote,
    enrollment_remove,
    enrollment_withdraw,
)

from .conftest import make_cohort

pytestmark = pytest.mark.django_db

ICS = "http://testserver.example/cohorts/spring-cohort/calendar.ics"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver.example"


def html_of(message):
    return message.alternatives[0][0]


def assert_has_ics(message):
    assert ICS in message.body
    assert f'href="{ICS}"' in html_of(message)


def test_enrolled_email_on_commit(cohort, official, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enrollment_create(cohort=cohort, user=official)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    [message] = mail.outbox
    assert message.to == [official.email]
    assert "You are enrolled in" in message.subject
    assert "You are enrolled in Budgets as moral documents, Spring cohort" in message.body
    assert "Session 1" in message.body and "CST" in message.body  # official is in Chicago
    assert_has_ics(message)


def test_every_kind_of_email(course, facilitator, people, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, capacity=1, enrollment_mode="approval",
                         facilitators=[facilitator])
    def step(service, **kwargs):  # one transaction, then its emails, like a request
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    a = step(enrollment_create, cohort=cohort, user=people[0])  # received
    b = step(enrollment_create, cohort=cohort, user=people[1])  # received
    c = step(enrollment_create, cohort=cohort, user=people[2])  # received
    step(enrollment_approve, enrollment=a, actor=facilitator, message="Glad to have you")
    step(enrollment_approve, enrollment=b, actor=facilitator)  # approved, but waitlisted
    step(enrollment_decline, enrollment=c, actor=facilitator, message="Full this time")
    step(enrollment_withdraw, enrollment=a, actor=people[0])  # withdrawn + b promoted
    subjects = [m.subject for m in mail.outbox]
    bodies = {m.subject: m.body for m in mail.outbox}
    assert sum("We received your application" in s for s in subjects) == 3
    approved = [m for m in mail.outbox if "is approved" in m.subject]
    assert len(approved) == 2
    assert "Glad to have you" in approved[0].body and "You are enrolled" in approved[0].body
    assert "on the waitlist (number 1)" in approved[1].body
    declined = next(m for m in mail.outbox if m.to == [people[2].email] and "not accepted"
                    in m.body)
    assert "Full this time" in declined.body and "Full this time" in html_of(declined)
    assert any("You have withdrawn" in s for s in subjects)
    promoted = next(m for m in mail.outbox if "A seat opened up" in m.subject)
    assert promoted.to == [people[1].email]
    assert len(mail.outbox) == 8
    for message in mail.outbox:
        assert ICS in message.body and ICS in html_of(message)
        assert "[Governance Academy]" in message.subject
    assert bodies  # all rendered


def test_waitlisted_and_removed_emails(cohort, facilitator, people,
                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rows = [enrollment_create(cohort=cohort, user=p) for p in people[:7]]
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_remove(enrollment=rows[0], actor=facilitator, message="Moved away")
        enrollment_promote(enrollment=rows[6], actor=facilitator)
    waitlisted = [m for m in mail.outbox if "on the waitlist of" in m.subject]
    assert len(waitlisted) == 2 and "number 2" in waitlisted[1].body
    removed = next(m for m in mail.outbox if m.to == [people[0].email] and "ended" in m.body)
    assert "Moved away" in removed.body
    promoted = [m for m in mail.outbox if "A seat opened up" in m.subject]
    assert sorted(m.to[0] for m in promoted) == sorted([people[5].email, people[6].email])


def test_notify_task_is_idempotent(cohort, official, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        e = enrollment_create(cohort=cohort, user=official)
    event = e.events.get()
    assert tasks.enrollment_notify_task.delay(event.pk).get() == "already sent"
    assert len(mail.outbox) == 1


def test_transient_mail_error_gives_the_claim_back_for_the_retry(
        cohort, official, monkeypatch, django_capture_on_commit_callbacks):
    from celery.exceptions import Retry

    real_send = tasks._send

    def down(**kwargs):
        raise SMTPServerDisconnected("connection dropped")

    monkeypatch.setattr(tasks, "_send", down)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enrollment_create(cohort=cohort, user=official)
    with pytest.raises((Retry, SMTPServerDisconnected)):
        callbacks[0]()  # autoretry schedules a retry
    event = EnrollmentEvent.objects.get()
    assert event.notified_at is None and mail.outbox == []
    monkeypatch.setattr(tasks, "_send", real_send)
    assert tasks.enrollment_notify_task.delay(event.pk).get() == "sent"  # the retry
    assert len(mail.outbox) == 1


def test_retry_policy_is_on_the_task():
    task = tasks.enrollment_notify_task
    assert any(issubclass(SMTPServerDisconnected, exc) for exc in task.autoretry_for)
    assert ConnectionError in task.autoretry_for and task.retry_backoff


def _session_soon(cohort, hours):
    starts = timezone.now() + timedelta(hours=hours)
    return Session.objects.create(cohort=cohort, title=f"In {hours} hours", starts_at=starts,
                                  ends_at=starts + timedelta(hours=1), location="Room 201")


def test_reminders_are_sent_once_even_if_beat_runs_twice(
        course, people, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, sessions=0, capacity=2)
    soon = _session_soon(cohort, 20)
    _session_soon(cohort, 30)  # not yet due
    with django_capture_on_commit_callbacks(execute=True):
        for person in people[:3]:  # two enrolled, one waitlisted
            enrollment_create(cohort=cohort, user=person)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.session_reminders_task.delay()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.session_reminders_task.delay()  # beat runs twice
    assert len(mail.outbox) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people[:2])
    message = mail.outbox[0]
    assert "Reminder: In 20 hours" in message.subject
    assert "Room 201" in message.body and "Join online" not in message.body
    assert_has_ics(message)
    assert SessionReminder.objects.filter(session=soon, sent_at__isnull=False).count() == 2
    soon.refresh_from_db()
    assert soon.reminder_sent_at is not None
    # Sending a claimed reminder again is a no-op.
    reminder = SessionReminder.objects.first()
    assert tasks.session_reminder_send_task.delay(reminder.pk).get() == "already sent"
    assert len(mail.outbox) == 2


def test_reminder_claim_is_given_back_when_mail_fails(course, official, monkeypatch,
                                                      django_capture_on_commit_callbacks):
    cohort = make_cohort(course, sessions=0)
    _session_soon(cohort, 2)
    enrollment_create(cohort=cohort, user=official)
    monkeypatch.setattr(tasks, "_send", lambda **kw: (_ for _ in ()).throw(ValueError("bug")))
    with pytest.raises(ValueError), django_capture_on_commit_callbacks(execute=True):
        tasks.session_reminders_task.delay()
    assert SessionReminder.objects.get().sent_at is None  # the next beat run tries again


def test_no_reminder_for_withdrawn_or_past(course, official, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, sessions=0)
    _session_soon(cohort, 5)
    e = enrollment_create(cohort=cohort, user=official)
    enrollment_withdraw(enrollment=e, actor=official)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.session_reminders_task.delay()
    assert mail.outbox == []


def test_beat_schedule_has_the_reminder_task(settings):
    entries = settings.CELERY_BEAT_SCHEDULE.values()
    assert any(e["task"] == "cohorts.tasks.session_reminders_task" for e in entries)
