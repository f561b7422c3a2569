"""The delivery lifecycle: the two state machines (every allowed and every refused move),
cancellations, session moves, capacity changes, announcements and history."""

from datetime import timedelta

import pytest
from django.core import mail

from cohorts import services
from cohorts.calendar import cohort_calendar
from cohorts.models import CohortEvent, CohortStatus, Enrollment, EnrollmentStatus
from cohorts.services.enrollment import set_status
from cohorts.services.lifecycle import COHORT_TRANSITIONS, ENROLLMENT_TRANSITIONS

from .conftest import make_cohort

pytestmark = pytest.mark.django_db
C, S = CohortStatus, EnrollmentStatus
ACTIONS = {
    C.OPEN: lambda cohort, actor: services.cohort_open(cohort=cohort, actor=actor),
    C.IN_PROGRESS: lambda cohort, actor: services.cohort_start(cohort=cohort, actor=actor),
    C.FINISHED: lambda cohort, actor: services.cohort_close(cohort=cohort, actor=actor),
    C.CANCELLED: lambda cohort, actor: services.cohort_cancel(cohort=cohort, actor=actor,
                                                              reason="The venue closed."),
}


@pytest.mark.parametrize("from_status", C.values)
@pytest.mark.parametrize("to_status", list(ACTIONS))
def test_every_cohort_move_follows_the_table(course, facilitator, from_status, to_status):
    # Sessions over, so that closing is allowed whenever the table allows it.
    cohort = make_cohort(course, "c", status=from_status, facilitators=[facilitator],
                         sessions=2, start_in_days=-30)
    allowed = to_status in COHORT_TRANSITIONS[from_status]
    if allowed:
        ACTIONS[to_status](cohort, facilitator)
        cohort.refresh_from_db()
        assert cohort.status == to_status
        assert CohortEvent.objects.filter(cohort=cohort).exists()
    else:
        with pytest.raises(services.EnrollmentError) as refused:
            ACTIONS[to_status](cohort, facilitator)
        assert str(refused.value)  # a reason a person can read
        cohort.refresh_from_db()
        assert cohort.status == from_status


@pytest.mark.parametrize("from_status", [None, *S.values])
@pytest.mark.parametrize("to_status", S.values)
def test_every_enrollment_move_follows_the_table(cohort, official, from_status, to_status):
    enrollment = (Enrollment(cohort=cohort, user=official, status="") if from_status is None
                  else Enrollment.objects.create(cohort=cohort, user=official,
                                                 status=from_status))
    if to_status in ENROLLMENT_TRANSITIONS[from_status]:
        set_status(enrollment, to_status, actor=None, kind="test")
        assert Enrollment.objects.get(pk=enrollment.pk).status == to_status
    else:
        with pytest.raises(services.EnrollmentError, match="cannot go from"):
            set_status(enrollment, to_status, actor=None, kind="test")
        if from_status is not None:
            assert Enrollment.objects.get(pk=enrollment.pk).status == from_status


def test_opening_needs_a_session(course, facilitator):
    draft = make_cohort(course, "empty", status="draft", sessions=0, facilitators=[facilitator])
    with pytest.raises(services.EnrollmentError, match="at least one session"):
        services.cohort_open(cohort=draft, actor=facilitator)


def test_only_those_who_run_the_cohort_move_it(cohort, official):
    with pytest.raises(services.EnrollmentNotFound):
        services.cohort_start(cohort=cohort, actor=official)


def test_cancelling_tells_everyone_and_ends_their_places(
        course, facilitator, people, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, "gulf", capacity=2, facilitators=[facilitator])
    rows = [services.enrollment_create(cohort=cohort, user=p) for p in people[:4]]
    rows[0].refresh_from_db()
    services.enrollment_withdraw(enrollment=rows[3], actor=people[3])  # left before
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cohort_cancel(cohort=cohort, actor=facilitator, reason="The venue closed.")
    statuses = sorted(Enrollment.objects.filter(cohort=cohort).values_list("status", flat=True))
    assert statuses == ["cancelled", "cancelled", "cancelled", "withdrawn"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people[:3])
    for message in mail.outbox:
        assert "is cancelled" in message.subject and "The venue closed." in message.body
        assert "calendar.ics" not in message.body  # no schedule for a place that ended
    ics = cohort_calendar(cohort, list(cohort.sessions.all())).decode()
    assert ics.count("STATUS:CANCELLED") == 2 and "SEQUENCE:1" in ics
    with pytest.raises(services.EnrollmentError, match="cancelled"):
        services.enrollment_create(cohort=cohort, user=people[5])


def test_cancelling_needs_a_reason(cohort, facilitator):
    with pytest.raises(services.EnrollmentError, match="say why"):
        services.cohort_cancel(cohort=cohort, actor=facilitator, reason="   ")


def test_moving_a_session_tells_learners_and_updates_calendars(
        cohort, facilitator, people, django_capture_on_commit_callbacks):
    services.enrollment_create(cohort=cohort, user=people[0])
    session = cohort.sessions.first()
    mail.outbox.clear()
    new_start = session.starts_at + timedelta(days=1, hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_move(session=session, actor=facilitator, starts_at=new_start,
                              ends_at=new_start + timedelta(hours=2), message="Room change.")
    [message] = mail.outbox
    assert "New time: Session 1" in message.subject and "Room change." in message.body
    session.refresh_from_db()
    assert session.sequence == 1 and session.starts_at == new_start
    ics = cohort_calendar(cohort, list(cohort.sessions.all())).decode()
    assert "SEQUENCE:1" in ics  # same UID, higher SEQUENCE: calendars replace the event
    with pytest.raises(services.EnrollmentError, match="end after it starts"):
        services.session_move(session=session, actor=facilitator, starts_at=new_start,
                              ends_at=new_start)
    with pytest.raises(services.EnrollmentError, match="between 2000 and 2100"):
        services.session_move(session=session, actor=facilitator,
                              starts_at=new_start.replace(year=9999),
                              ends_at=new_start.replace(year=9999) + timedelta(hours=1))


def test_a_cancelled_session_counts_for_nothing(course, facilitator, people,
                                                django_capture_on_commit_callbacks):
    from cohorts.progress import cohort_attendance

    cohort = make_cohort(course, "two", sessions=2, start_in_days=1, status="in_progress",
                         facilitators=[facilitator], min_attendance_percent=100)
    services.enrollment_create(cohort=cohort, user=people[0])
    first, second = cohort.sessions.all()
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=second, actor=facilitator)
    assert any("Cancelled: Session 2" in m.subject for m in mail.outbox)
    progress = next(iter(cohort_attendance(cohort).progress.values()))
    assert progress.sessions_held == 0 and progress.on_track  # only one session is left
    ics = cohort_calendar(cohort, list(cohort.sessions.all())).decode()
    assert ics.count("STATUS:CANCELLED") == 1
    with pytest.raises(services.EnrollmentError, match="was cancelled"):
        services.session_cancel(session=second, actor=facilitator)


def test_capacity_up_promotes_at_once_and_down_is_refused_with_numbers(
        course, facilitator, people, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, "cap", capacity=2, facilitators=[facilitator])
    rows = [services.enrollment_create(cohort=cohort, user=p) for p in people[:5]]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cohort_set_capacity(cohort=cohort, actor=facilitator, capacity=4)
    promoted = [m.to[0] for m in mail.outbox if "A seat opened up" in m.subject]
    assert promoted == [people[2].email, people[3].email]  # the head of the waitlist
    assert Enrollment.objects.get(pk=rows[4].pk).status == "waitlisted"
    with pytest.raises(services.EnrollmentError, match="4 seats are taken, so the capacity "
                       "cannot go down to 3"):
        services.cohort_set_capacity(cohort=cohort, actor=facilitator, capacity=3)


def test_attendance_only_for_sessions_that_have_begun(cohort, facilitator, people):
    enrollment = services.enrollment_create(cohort=cohort, user=people[0])
    future = cohort.sessions.first()  # starts in a week
    with pytest.raises(services.AttendanceError, match="has not started yet"):
        services.attendance_record(session=future, enrollment=enrollment, status="present",
                                   actor=facilitator)
    with pytest.raises(services.AttendanceError, match="has not started yet"):
        services.attendance_mark_all_present(session=future, actor=facilitator)
    with pytest.raises(services.AttendanceError, match="has not started yet"):
        services.attendance_import(session=future, actor=facilitator,
                                   marks={enrollment.pk: "present"})
    excused = services.attendance_record(session=future, enrollment=enrollment,
                                         status="excused", actor=facilitator)
    assert excused.status == "excused"  # excusals may be recorded ahead of time


def test_a_finished_cohorts_attendance_and_places_are_final(
        course, facilitator, people, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, "done", sessions=1, start_in_days=-3, status="in_progress",
                         facilitators=[facilitator])
    enrollment = services.enrollment_create(cohort=cohort, user=people[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.cohort_close(cohort=cohort, actor=facilitator)
    session = cohort.sessions.first()
    session.cohort.refresh_from_db()
    with pytest.raises(services.AttendanceError, match="attendance is final"):
        services.attendance_record(session=session, enrollment=enrollment,
                                   status="present", actor=facilitator)
    enrollment.refresh_from_db()
    assert enrollment.status == "not_completed"  # never attended
    with pytest.raises(services.EnrollmentError):
        services.enrollment_withdraw(enrollment=enrollment, actor=people[0])


def test_announcements_go_through_the_outbox_and_stay_in_history(
        client, cohort, facilitator, people, django_capture_on_commit_callbacks):
    services.enrollment_create(cohort=cohort, user=people[0])
    cohort.capacity = 1
    cohort.save()
    services.enrollment_create(cohort=cohort, user=people[1])  # waitlisted
    mail.outbox.clear()
    client.force_login(facilitator)
    url = f"/facilitate/{cohort.slug}/announce/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"subject": "Bring your budget", "message": "Page 12."})
    assert response.status_code == 302
    assert [m.to[0] for m in mail.outbox] == [people[0].email]
    assert "Bring your budget" in mail.outbox[0].subject and "Page 12." in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"subject": "Also", "message": "For all.", "include_waitlist": "on"})
    assert len(mail.outbox) == 3
    assert "Bring your budget" in client.get(url).content.decode()
    history = client.get(f"/facilitate/{cohort.slug}/history/").content.decode()
    assert "Announcement" in history and "Bring your budget" in history
    too_long = client.post(url, {"subject": "Long", "message": "x" * 5001})
    assert too_long.status_code == 400 and "5000 characters" in too_long.content.decode()
    assert CohortEvent.objects.filter(kind="announcement").count() == 2


def test_history_shows_ended_places_with_their_timeline(client, cohort, facilitator, people):
    services.enrollment_create(cohort=cohort, user=people[0])
    kept = services.enrollment_create(cohort=cohort, user=people[1])
    services.enrollment_remove(enrollment=kept, actor=facilitator, message="Moved away")
    services.enrollment_withdraw(
        enrollment=Enrollment.objects.get(user=people[0]), actor=people[0]
    )
    client.force_login(facilitator)
    html = client.get(f"/facilitate/{cohort.slug}/history/").content.decode()
    assert f"{people[1].display_name} · Removed by a facilitator" in html
    assert f"by {facilitator.display_name}. “Moved away”" in html
    assert f"{people[0].display_name} · Withdrawn" in html and "by themself" in html


def test_the_workspace_moves_a_cohort_and_says_why_it_cannot(client, course, facilitator):
    cohort = make_cohort(course, "w", status="draft", facilitators=[facilitator])
    client.force_login(facilitator)
    base = f"/facilitate/{cohort.slug}/"
    client.post(base + "state/open/")
    assert Enrollment.objects.count() == 0
    cohort.refresh_from_db()
    assert cohort.status == "open"
    page = client.post(base + "state/open/", follow=True).content.decode()
    assert "This cohort is already open." in page
    close = client.get(base + "close/").content.decode()
    assert "Start the cohort before you close it." in close
    cancel = client.post(base + "cancel/", {"reason": ""})
    assert cancel.status_code == 400
    client.post(base + "cancel/", {"reason": "Not enough sign-ups."})
    cohort.refresh_from_db()
    assert cohort.status == "cancelled" and cohort.cancel_reason == "Not enough sign-ups."


def test_withdrawing_or_enrolling_is_refused_once_finished(
        course, facilitator, people, django_capture_on_commit_callbacks):
    cohort = make_cohort(course, "f", sessions=1, start_in_days=-2, status="in_progress",
                         facilitators=[facilitator])
    e = services.enrollment_create(cohort=cohort, user=people[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.cohort_close(cohort=cohort, actor=facilitator)
    with pytest.raises(services.EnrollmentError):
        services.enrollment_create(cohort=cohort, user=people[1])
    e.refresh_from_db()
    assert e.status in ("completed", "not_completed")
