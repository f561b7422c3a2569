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


# --- bounded free text --------------------------------------------------------------------

def test_enrollment_text_over_its_limit_is_a_form_message(client, cohort, official):
    client.force_login(official)
    response = client.post(f"/cohorts/{cohort.slug}/enroll/", {
        "hopes": "h" * (2 * 1024 * 1024), "accessibility_needs": "a" * 2001})
    html = response.content.decode()
    assert "Ensure this value has at most 2000 characters (it has 2097152)." in html
    assert "Ensure this value has at most 2000 characters (it has 2001)." in html
    assert 'maxlength="2000"' in html  # the browser stops typing there too
    assert not cohort.enrollments.exists()


def test_the_enrollment_service_refuses_unbounded_text(cohort, official):
    from cohorts.services import EnrollmentError

    with pytest.raises(EnrollmentError, match="to 2000 characters"):
        enrollment_create(cohort=cohort, user=official, hopes="h" * 2_000_000)
    assert not cohort.enrollments.exists()


@pytest.fixture
def applicant(course, facilitator, official):
    cohort = make_cohort(course, "apply", enrollment_mode="approval",
                         facilitators=[facilitator])
    return enrollment_create(cohort=cohort, user=official)


@pytest.mark.parametrize("action", ["approve", "decline", "remove"])
def test_a_decision_message_over_its_limit_is_refused_and_nothing_goes_out(
        client, applicant, facilitator, action, mailoutbox):
    from academy.models import OutboxEmail

    if action == "remove":
        applicant.status = "enrolled"
        applicant.save()
    before_status, emails = applicant.status, OutboxEmail.objects.count()
    events = applicant.events.count()
    client.force_login(facilitator)
    response = client.post(
        f"/facilitate/{applicant.cohort.slug}/enrollments/{applicant.pk}/{action}/",
        {"message": "m" * 2001, "confirmed": "1"})
    assert response.status_code == 400
    assert "Ensure this value has at most 2000 characters (it has 2001)." in \
        response.content.decode()
    applicant.refresh_from_db()
    assert applicant.status == before_status and applicant.decision_message == ""
    assert OutboxEmail.objects.count() == emails and applicant.events.count() == events


def test_the_decision_services_refuse_a_long_message_rather_than_drop_it(applicant,
                                                                         facilitator):
    from cohorts.services import EnrollmentError, enrollment_approve

    with pytest.raises(EnrollmentError, match="Please keep the message to 2000 characters"):
        enrollment_approve(enrollment=applicant, actor=facilitator, message="m" * 2001)
    applicant.refresh_from_db()
    assert applicant.status == "pending"


def test_a_session_cancel_message_over_its_limit_is_refused(client, cohort, facilitator):
    session = cohort.sessions.first()
    client.force_login(facilitator)
    response = client.post(
        f"/facilitate/{cohort.slug}/sessions/{session.pk}/change/",
        {"action": "cancel", "message": "m" * 2001})
    assert response.status_code == 400
    assert "Please keep the message to the learners to 2000 characters (it has 2001)." in \
        response.content.decode()
    session.refresh_from_db()
    assert session.cancelled_at is None


@pytest.mark.parametrize(("model", "field", "limit"), [
    ("cohorts.Cohort", "description", 5000), ("cohorts.Enrollment", "hopes", 2000),
    ("cohorts.Enrollment", "accessibility_needs", 2000),
    ("cohorts.Enrollment", "decision_message", 2000),
    ("cohorts.EnrollmentEvent", "message", 5000), ("cohorts.CohortEvent", "message", 5000),
    ("academy.Organization", "description", 2000),
    ("certificates.Certificate", "override_reason", 2000),
    ("certificates.Certificate", "revoked_reason", 1000),
    ("certificates.CertificateSettings", "body", 2000),
    ("courses.CoursePage", "summary", 1000), ("courses.ModulePage", "intro", 1000),
    ("courses.AcademyHomePage", "hero_text", 1000), ("courses.Pillar", "description", 1000),
])
def test_every_free_text_field_is_bounded_in_model_validation(model, field, limit):
    from django.apps import apps

    model_field = apps.get_model(model)._meta.get_field(field)
    assert model_field.max_length == limit
    model_field.run_validators("x" * limit)
    with pytest.raises(ValidationError, match=f"at most {limit} characters"):
        model_field.run_validators("x" * (limit + 1))


def test_every_text_field_has_a_limit():
    """No unbounded TextField is left in the apps, except what the system writes itself."""
    from django.apps import apps
    from django.db import models

    written_by_the_system = {
        ("academy", "outboxemail", "body_text"), ("academy", "outboxemail", "body_html"),
        ("academy", "outboxemail", "last_error"), ("certificates", "certificate",
                                                   "render_error"),
    }
    unbounded = [
        (m._meta.app_label, m._meta.model_name, f.name)
        for app in ("academy", "cohorts", "certificates", "courses")
        for m in apps.get_app_config(app).get_models()
        for f in m._meta.get_fields()
        if isinstance(f, models.TextField) and f.max_length is None
        and f.model is m and f.__class__ is models.TextField
    ]
    assert [u for u in unbounded if u not in written_by_the_system] == []


def test_the_admin_refuses_a_cohort_description_over_its_limit(client, staff, course):
    from .test_admin import edit_data

    cohort = make_cohort(course, "adm")
    client.force_login(staff)
    response = client.post(f"/admin/cohorts/cohort/edit/{cohort.pk}/",
                           edit_data(cohort, description="d" * 5001))
    assert response.status_code == 200
    assert "at most 5000 characters (it has 5001)" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.description == ""


@pytest.mark.parametrize("changes", [
    {"course": "99999999999999999999"}, {"course": "²"}, {"course": "abc"},
    {"facilitators": ["99999999999999999999"]}, {"sessions-0-id": "abc"},
    {"sessions-INITIAL_FORMS": "99999999999999999999", "sessions-TOTAL_FORMS": "4"},
    {"sessions-INITIAL_FORMS": "5", "sessions-TOTAL_FORMS": "5"},
])
def test_the_cohort_admin_form_answers_tampered_ids_with_a_form(client, staff, course,
                                                                changes):
    from .test_admin import edit_data

    cohort = make_cohort(course, "adm")
    client.force_login(staff)
    before = list(cohort.sessions.values_list("pk", flat=True))
    response = client.post(f"/admin/cohorts/cohort/edit/{cohort.pk}/",
                           edit_data(cohort, title="Renamed", **changes))
    cohort.refresh_from_db()
    if "course" in changes or "facilitators" in changes or "sessions-0-id" in changes:
        assert response.status_code == 200  # the form again, with its errors
        assert cohort.title == "Spring cohort"
    else:  # the rows sent are the sessions; the empty extra ones are ignored
        assert response.status_code in (200, 302)
    assert list(cohort.sessions.values_list("pk", flat=True)) == before
