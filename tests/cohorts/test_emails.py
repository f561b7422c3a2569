"""Emails: written to the outbox with the change, sent on commit (Celery eager here), once
each, with the .ics link."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from academy.models import OutboxEmail
from academy.outbox import outbox_send
from academy.tasks import outbox_sweep_task
from cohorts import services, tasks
from cohorts.models import Session, SessionReminder

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
        services.enrollment_create(cohort=cohort, user=official)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    [message] = mail.outbox
    assert message.to == [official.email]
    assert "You are enrolled in" in message.subject
    assert "You are enrolled in Budgets as moral documents, Spring cohort" in message.body
    assert "Session 1" in message.body and "CST" in message.body  # official is in Chicago
    # The zone is named as people read it, in the text and the HTML part alike.
    assert "Sessions, in Central (Chicago) time:" in message.body
    assert "Times in Central (Chicago)." in message.alternatives[0][0]
    assert "America/Chicago" not in message.body + message.alternatives[0][0]
    assert_has_ics(message)


def test_every_kind_of_email(course, facilitator, people, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, capacity=1, enrollment_mode="approval",
                         facilitators=[facilitator])
    def step(service, **kwargs):  # one transaction, then its emails, like a request
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    a = step(services.enrollment_create, cohort=cohort, user=people[0])  # received
    b = step(services.enrollment_create, cohort=cohort, user=people[1])  # received
    c = step(services.enrollment_create, cohort=cohort, user=people[2])  # received
    step(services.enrollment_approve, enrollment=a, actor=facilitator, message="Glad to have you")
    step(services.enrollment_approve, enrollment=b, actor=facilitator)  # approved, but waitlisted
    step(services.enrollment_decline, enrollment=c, actor=facilitator, message="Full this time")
    step(services.enrollment_withdraw, enrollment=a, actor=people[0])  # withdrawn + b promoted
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
    ended = ("not accepted", "You have withdrawn")
    for message in mail.outbox:
        assert "[Governance Academy]" in message.subject
        # The schedule and calendar link only while the person has a place to come to.
        has_place = not any(text in message.body for text in ended)
        assert (ICS in message.body and ICS in html_of(message)) == has_place, message.body
    assert bodies  # all rendered


def test_waitlisted_and_removed_emails(cohort, facilitator, people,
                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rows = [services.enrollment_create(cohort=cohort, user=p) for p in people[:7]]
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_remove(enrollment=rows[0], actor=facilitator, message="Moved away")
        services.enrollment_promote(enrollment=rows[6], actor=facilitator)
    waitlisted = [m for m in mail.outbox if "on the waitlist of" in m.subject]
    assert len(waitlisted) == 2 and "number 2" in waitlisted[1].body
    removed = next(m for m in mail.outbox if m.to == [people[0].email] and "ended" in m.body)
    assert "Moved away" in removed.body
    promoted = [m for m in mail.outbox if "A seat opened up" in m.subject]
    assert sorted(m.to[0] for m in promoted) == sorted([people[5].email, people[6].email])


def test_email_is_written_with_the_change_and_sent_once(cohort, official,
                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.enrollment_create(cohort=cohort, user=official)
        [row] = OutboxEmail.objects.all()  # in the same transaction as the enrollment
        assert row.kind == "enrollment.enrolled" and row.status == "pending"
    for callback in callbacks:
        callback()
    row.refresh_from_db()
    assert row.status == "sent" and len(mail.outbox) == 1
    assert outbox_send(email_id=row.pk) == "not due"  # a duplicate task sends nothing
    assert len(mail.outbox) == 1


def test_no_email_for_a_change_that_rolled_back(cohort, official, monkeypatch):
    from cohorts.services import enrollment as enrollment_rules

    def broken(*args, **kwargs):
        raise RuntimeError("database trouble after the email was written")

    monkeypatch.setattr(enrollment_rules, "fill_free_seats", broken)
    with pytest.raises(RuntimeError):
        services.enrollment_create(cohort=cohort, user=official)
    assert OutboxEmail.objects.count() == 0 and mail.outbox == []


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
            services.enrollment_create(cohort=cohort, user=person)
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
    assert SessionReminder.objects.filter(session=soon).count() == 2
    assert OutboxEmail.objects.filter(kind="session.reminder", status="sent").count() == 2
    soon.refresh_from_db()
    assert soon.reminder_sent_at is not None


def test_a_failed_reminder_is_kept_and_sent_by_the_sweeper(
        course, official, settings, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, sessions=0)
    _session_soon(cohort, 2)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_create(cohort=cohort, user=official)
    mail.outbox.clear()
    settings.EMAIL_BACKEND = "tests.mailbackends.DisconnectedBackend"
    with django_capture_on_commit_callbacks(execute=True):
        tasks.session_reminders_task.delay()
    row = OutboxEmail.objects.get(kind="session.reminder")
    assert (row.status, row.attempts) == ("pending", 1)
    assert "SMTPServerDisconnected" in row.last_error and mail.outbox == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboxEmail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())  # backoff over
    assert outbox_sweep_task.delay().get() == 1
    assert [m.subject for m in mail.outbox] == [row.subject]


def test_no_reminder_for_withdrawn_or_past(course, official, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, sessions=0)
    _session_soon(cohort, 5)
    e = services.enrollment_create(cohort=cohort, user=official)
    services.enrollment_withdraw(enrollment=e, actor=official)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.session_reminders_task.delay()
    assert mail.outbox == []


def test_every_beat_entry_names_a_registered_task(settings):
    """Beat sends tasks by name: a misspelt name would silently never run."""
    from academy.background import task_named

    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert task_named(entry["task"]).name == entry["task"]
