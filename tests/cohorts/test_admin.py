"""Wagtail admin: cohorts with inline sessions, and the enrollment listing."""

from datetime import timedelta

import pytest

from cohorts.models import Cohort
from cohorts.services import enrollment_create

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


def test_staff_create_cohort_with_sessions_inline(client, staff, course, facilitator):
    client.force_login(staff)
    assert client.get("/admin/cohorts/cohort/new/").status_code == 200
    data = {
        "course": course.pk, "title": "Fall", "slug": "fall", "description": "",
        "status": "open", "facilitators": [facilitator.pk], "capacity": 12,
        "waitlist_enabled": "on", "enrollment_opens_at": "", "enrollment_closes_at": "",
        "enrollment_mode": "approval", "time_zone": "America/Denver",
        "min_attendance_percent": 80,
        "sessions-TOTAL_FORMS": 2, "sessions-INITIAL_FORMS": 0,
        "sessions-MIN_NUM_FORMS": 0, "sessions-MAX_NUM_FORMS": 1000,
    }
    for i, day in enumerate(("2030-09-03", "2030-09-10")):
        data.update({
            f"sessions-{i}-title": f"Week {i + 1}",
            f"sessions-{i}-starts_at": f"{day} 18:00", f"sessions-{i}-ends_at": f"{day} 19:30",
            f"sessions-{i}-location": "", f"sessions-{i}-video_url": "https://meet.example.org/x",
            f"sessions-{i}-id": "", f"sessions-{i}-ORDER": i, f"sessions-{i}-DELETE": "",
        })
    response = client.post("/admin/cohorts/cohort/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    cohort = Cohort.objects.get(slug="fall")
    assert cohort.enrollment_mode == "approval" and cohort.min_attendance_percent == 80
    assert list(cohort.facilitators.all()) == [facilitator]
    assert [s.title for s in cohort.sessions.all()] == ["Week 1", "Week 2"]
    assert all(len(s.check_in_code) == 6 for s in cohort.sessions.all())
    assert client.get(f"/admin/cohorts/cohort/edit/{cohort.pk}/").status_code == 200


def test_admin_listings(client, staff, cohort, official):
    e = enrollment_create(cohort=cohort, user=official)
    client.force_login(staff)
    html = client.get("/admin/cohorts/cohort/").content.decode()
    assert cohort.title in html
    html = client.get("/admin/cohorts/enrollment/").content.decode()
    assert official.display_name in html or official.email in html
    assert client.get(f"/admin/cohorts/enrollment/inspect/{e.pk}/").status_code == 200
    # Enrollments are made through the rules, not typed into the admin.
    assert client.get("/admin/cohorts/enrollment/new/").status_code == 302


def test_non_staff_cannot_reach_cohort_admin(client, official, course):
    make_cohort(course)
    client.force_login(official)
    assert client.get("/admin/cohorts/cohort/").status_code == 403


def edit_data(cohort, **changes):
    """The cohort's admin form as it stands, with `changes` (sessions by index)."""
    sessions = list(cohort.sessions.all())
    tz = cohort.tzinfo
    data = {
        "course": cohort.course_id, "title": cohort.title, "slug": cohort.slug,
        "description": cohort.description,
        "facilitators": list(cohort.facilitators.values_list("pk", flat=True)),
        "capacity": cohort.capacity, "waitlist_enabled": "on", "enrollment_opens_at": "",
        "enrollment_closes_at": "", "enrollment_mode": cohort.enrollment_mode,
        "time_zone": cohort.time_zone, "min_attendance_percent": cohort.min_attendance_percent,
        "sessions-TOTAL_FORMS": len(sessions), "sessions-INITIAL_FORMS": len(sessions),
        "sessions-MIN_NUM_FORMS": 0, "sessions-MAX_NUM_FORMS": 1000,
    }
    for i, s in enumerate(sessions):
        data.update({
            f"sessions-{i}-id": s.pk, f"sessions-{i}-title": s.title,
            f"sessions-{i}-starts_at": s.starts_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
            f"sessions-{i}-ends_at": s.ends_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
            f"sessions-{i}-location": s.location, f"sessions-{i}-video_url": s.video_url,
            f"sessions-{i}-ORDER": i, f"sessions-{i}-DELETE": "",
        })
    data.update(changes)
    return data


def test_admin_edits_go_through_the_rules(client, staff, course, people,
                                          django_capture_on_commit_callbacks):
    from django.core import mail

    cohort = make_cohort(course, "adm", capacity=1, time_zone="UTC")
    enrollment_create(cohort=cohort, user=people[0])
    enrollment_create(cohort=cohort, user=people[1])  # waitlisted
    mail.outbox.clear()
    client.force_login(staff)
    url = f"/admin/cohorts/cohort/edit/{cohort.pk}/"
    # Fewer seats than taken: refused with the numbers; nothing saved.
    response = client.post(url, edit_data(cohort, capacity=0, title="Renamed"))
    assert response.status_code == 200
    assert "1 seats are taken, so the capacity cannot go down to 0" in response.content.decode()
    cohort.refresh_from_db()
    assert (cohort.capacity, cohort.title) == (1, "Spring cohort")
    # More seats: the waitlist is promoted at once, with its email; a moved session is told.
    first = cohort.sessions.first()
    moved = (first.starts_at + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")  # at 23:xx too
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, edit_data(cohort, capacity=2, **{
            "sessions-0-starts_at": moved}))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert {e.status for e in cohort.enrollments.all()} == {"enrolled"}
    subjects = [m.subject for m in mail.outbox]
    assert any("A seat opened up" in s for s in subjects)
    assert sum("New time: Session 1" in s for s in subjects) == 2  # both learners told
    first.refresh_from_db()
    cohort.refresh_from_db()
    assert first.sequence == 1
    # A session of an open cohort is cancelled in the workspace, not deleted here.
    response = client.post(url, edit_data(cohort, **{"sessions-1-DELETE": "on"}))
    assert "cancelled, not deleted" in response.content.decode()
    assert cohort.sessions.count() == 2
    # Sessions with impossible times are refused by the form.
    response = client.post(url, edit_data(cohort, **{"sessions-0-starts_at": "0001-01-01 10:00",
                                                     "sessions-0-ends_at": "0001-01-01 11:00"}))
    assert response.status_code == 200 and "between 2000 and 2100" in response.content.decode()
    # The status is not a field: it changes through the workspace's actions.
    client.post(url, edit_data(cohort, status="finished"))
    cohort.refresh_from_db()
    assert cohort.status == "open"


def test_only_an_empty_draft_can_be_deleted(client, staff, course, official):
    draft = make_cohort(course, "empty-draft", status="draft")
    used = make_cohort(course, "used")
    enrollment_create(cohort=used, user=official)
    client.force_login(staff)
    assert client.post(f"/admin/cohorts/cohort/delete/{draft.pk}/").status_code == 302
    assert not Cohort.objects.filter(pk=draft.pk).exists()
    client.post(f"/admin/cohorts/cohort/delete/{used.pk}/")
    assert Cohort.objects.filter(pk=used.pk).exists()
