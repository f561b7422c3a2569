"""Bad input gets a message and writes nothing; bad rows already stored never make a page
answer 500 (issue 10: "Every bad input gets a message, nothing half-written")."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cohorts.models import Cohort, Session
from cohorts.services import enrollment_create

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


# --- sessions stored with absurd times (before the model refused them) -------------------

@pytest.mark.parametrize("year", [1, 9999])
def test_pages_showing_a_session_stored_in_year_1_or_9999_answer(client, cohort, facilitator,
                                                                official, year):
    enrollment_create(cohort=cohort, user=official)
    start = datetime(year, 1, 1, 0, 0, tzinfo=UTC) if year == 1 else datetime(
        year, 12, 31, 22, 0, tzinfo=UTC)
    # Written past the model's validation, as an old row or a raw SQL fix would be.
    Session.objects.filter(pk=cohort.sessions.first().pk).update(
        starts_at=start, ends_at=start + timedelta(hours=1))
    client.force_login(official)
    for path in (f"/cohorts/{cohort.slug}/calendar.ics", "/me/", f"/cohorts/{cohort.slug}/"):
        response = client.get(path)
        assert response.status_code == 200, path
    client.force_login(facilitator)
    for path in (f"/facilitate/{cohort.slug}/sessions/", f"/facilitate/{cohort.slug}/attendance/",
                 f"/facilitate/{cohort.slug}/", f"/facilitate/{cohort.slug}/close/",
                 f"/facilitate/{cohort.slug}/attendance.csv", "/facilitate/"):
        response = client.get(path)
        assert response.status_code == 200, path


# --- the admin (model validation) ---------------------------------------------------------

@pytest.mark.parametrize(("starts", "ends", "message"), [
    ("9999-12-31 22:00", "9999-12-31 23:00", "between 2000 and 2100"),
    ("0001-01-01 00:00", "0001-01-01 01:00", "between 2000 and 2100"),
    ("2101-03-01 18:00", "2101-03-01 19:00", "between 2000 and 2100"),
    ("2030-03-01 18:00", "2030-03-01 17:00", "must end after it starts"),
])
def test_the_admin_refuses_session_times_out_of_range(client, staff, course, starts, ends,
                                                      message):
    from .test_admin import edit_data

    cohort = make_cohort(course, "adm", time_zone="Asia/Tokyo")  # UTC+9: 9999 overflows
    before = list(cohort.sessions.values_list("starts_at", "ends_at"))
    client.force_login(staff)
    response = client.post(f"/admin/cohorts/cohort/edit/{cohort.pk}/", edit_data(
        cohort, **{"sessions-0-starts_at": starts, "sessions-0-ends_at": ends}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(cohort.sessions.values_list("starts_at", "ends_at")) == before


@pytest.mark.parametrize(("opens", "closes", "message"), [
    ("2030-03-02 10:00", "2030-03-01 10:00", "Enrollment must close after it opens."),
    ("0001-01-01 10:00", "", "Choose a date between 2000 and 2100."),
    ("", "9999-12-31 23:00", "Choose a date between 2000 and 2100."),
])
def test_the_admin_refuses_an_enrollment_window_that_closes_before_it_opens(
        client, staff, course, opens, closes, message):
    from .test_admin import edit_data

    cohort = make_cohort(course, "adm", time_zone="Pacific/Auckland")
    client.force_login(staff)
    response = client.post(f"/admin/cohorts/cohort/edit/{cohort.pk}/", edit_data(
        cohort, enrollment_opens_at=opens, enrollment_closes_at=closes))
    assert response.status_code == 200
    assert message in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.enrollment_opens_at is None and cohort.enrollment_closes_at is None


def test_model_validation_refuses_the_window_and_the_years():
    cohort = Cohort(enrollment_opens_at=timezone.now(),
                    enrollment_closes_at=timezone.now() - timedelta(days=1))
    with pytest.raises(ValidationError, match="close after it opens"):
        cohort.clean()
    session = Session(starts_at=datetime(9999, 1, 1, tzinfo=UTC),
                      ends_at=datetime(9999, 1, 1, 1, tzinfo=UTC))
    with pytest.raises(ValidationError, match="between 2000 and 2100"):
        session.clean()


# --- the attendance sheet: all or nothing ---------------------------------------------------

@pytest.fixture
def running(course, facilitator, people):
    from cohorts.models import Enrollment

    cohort = make_cohort(course, "running", sessions=2, start_in_days=-1, status="in_progress",
                         facilitators=[facilitator], capacity=20)
    enrollments = [Enrollment.objects.create(cohort=cohort, user=u, status="enrolled")
                   for u in people[:4]]
    return cohort, cohort.sessions.first(), enrollments


@pytest.mark.parametrize(("bad", "why"), [
    ({"status": "maybe"}, "choose present, late, excused or absent"),
    ({"status": "", "note": "left early"}, "before adding a note"),
    ({"status": "present", "note": "n" * 501}, "keep the note to 500 characters (it has 501)"),
    ({"status": "present\x00"}, "choose present, late, excused or absent"),
])
def test_one_bad_row_saves_nothing_and_is_named(client, running, facilitator, bad, why):
    from cohorts.models import Attendance

    cohort, session, (first, second, third, fourth) = running
    url = f"/facilitate/{cohort.slug}/sessions/{session.pk}/attendance/"
    client.force_login(facilitator)
    data = {f"status-{first.pk}": "present", f"status-{second.pk}": "late",
            f"note-{second.pk}": "Traffic", f"status-{fourth.pk}": "absent"}
    data.update({f"{k}-{third.pk}": v for k, v in bad.items()})
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was saved" in html
    assert f"{third.user.display_name}: " in html and why in html
    assert not Attendance.objects.exists()
    # The sheet comes back with what was typed, and the bad row says why.
    assert f'id="st-{second.pk}-late" value="late" checked' in html
    assert 'value="Traffic"' in html
    assert html.count("Not saved:") == 1


def test_a_mark_the_session_does_not_take_names_the_rows(client, running, facilitator):
    """Present before the session starts is refused; excused is fine, but not alone."""
    from cohorts.models import Attendance

    cohort, _, (first, second, *_) = running
    later = cohort.sessions.last()  # starts in six days
    client.force_login(facilitator)
    response = client.post(f"/facilitate/{cohort.slug}/sessions/{later.pk}/attendance/", {
        f"status-{first.pk}": "excused", f"status-{second.pk}": "present"})
    assert response.status_code == 400
    assert f"{second.user.display_name}: Session 2 has not started yet" in \
        response.content.decode()
    assert not Attendance.objects.exists()


def test_a_good_sheet_is_saved_whole(client, running, facilitator):
    from cohorts.models import Attendance

    cohort, session, enrollments = running
    client.force_login(facilitator)
    response = client.post(
        f"/facilitate/{cohort.slug}/sessions/{session.pk}/attendance/",
        {f"status-{e.pk}": "present" for e in enrollments}, follow=True)
    assert "Attendance saved (4 changed)." in response.content.decode()
    assert Attendance.objects.filter(status="present").count() == 4


def test_an_overlong_note_on_one_row_is_refused_not_cut(client, running, facilitator):
    from cohorts.models import Attendance

    cohort, session, (first, *_) = running
    client.force_login(facilitator)
    response = client.post(
        f"/facilitate/{cohort.slug}/sessions/{session.pk}/attendance/{first.pk}/",
        {f"status-{first.pk}": "present", f"note-{first.pk}": "n" * 600},
        HTTP_HX_REQUEST="true")
    assert "Keep the note to 500 characters (it has 600)." in response.content.decode()
    assert not Attendance.objects.exists()
