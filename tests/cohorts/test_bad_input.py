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
