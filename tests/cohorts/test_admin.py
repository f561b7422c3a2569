"""Wagtail admin: cohorts with inline sessions, and the enrollment listing."""

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
