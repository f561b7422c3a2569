"""The facilitator page: only the cohort's facilitators and staff; 404 for everyone else."""

import pytest
from django.core import mail

from cohorts.models import Enrollment
from cohorts.services import enrollment_create

from .conftest import make_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def approval(course, facilitator):
    return make_cohort(course, "approval", capacity=1, enrollment_mode="approval",
                       facilitators=[facilitator])


def action(cohort, e, name):
    return f"/facilitate/{cohort.slug}/enrollments/{e.pk}/{name}/"


def test_anonymous_is_sent_to_login(client, approval):
    for path in ("/facilitate/", f"/facilitate/{approval.slug}/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_others_get_404(client, approval, official, user_factory):
    e = enrollment_create(cohort=approval, user=official)
    other_facilitator = user_factory()
    make_cohort(approval.course, "theirs", facilitators=[other_facilitator])
    for person in (official, other_facilitator):
        client.force_login(person)
        assert client.get(f"/facilitate/{approval.slug}/").status_code == 404
        assert client.post(action(approval, e, "approve")).status_code == 404
    client.force_login(official)
    assert client.get("/facilitate/").status_code == 404
    e.refresh_from_db()
    assert e.status == "pending"


def test_enrollment_of_another_cohort_is_404(client, approval, facilitator, course, official):
    elsewhere = make_cohort(course, "elsewhere")
    e = enrollment_create(cohort=elsewhere, user=official)
    client.force_login(facilitator)
    assert client.post(action(approval, e, "remove")).status_code == 404
    assert client.post(f"/facilitate/{approval.slug}/enrollments/{e.pk}/explode/"
                       ).status_code == 404


def test_facilitator_approves_declines_with_message(client, approval, facilitator, people,
                                                    django_capture_on_commit_callbacks):
    a = enrollment_create(cohort=approval, user=people[0])
    b = enrollment_create(cohort=approval, user=people[1])
    c = enrollment_create(cohort=approval, user=people[2])
    client.force_login(facilitator)
    home = client.get("/facilitate/").content.decode()
    assert approval.title in home
    page = client.get(f"/facilitate/{approval.slug}/").content.decode()
    assert "Applicants awaiting approval (3)" in page and people[0].display_name in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action(approval, a, "approve"), {"message": "Welcome aboard"})
        client.post(action(approval, b, "approve"))
        asked = client.post(action(approval, c, "decline"), {"message": "Try the spring cohort"})
        # Declining asks first, keeping the message; nothing happens until confirmed.
        assert asked.status_code == 200 and "Decline " in asked.content.decode()
        assert "Try the spring cohort" in asked.content.decode()
        assert Enrollment.objects.get(pk=c.pk).status == "pending"
        client.post(action(approval, c, "decline"),
                    {"message": "Try the spring cohort", "confirmed": "1"})
    statuses = dict(Enrollment.objects.values_list("pk", "status"))
    assert (statuses[a.pk], statuses[b.pk], statuses[c.pk]) == (
        "enrolled", "waitlisted", "declined")
    assert any("Welcome aboard" in m.body for m in mail.outbox)
    assert any("Try the spring cohort" in m.body for m in mail.outbox)
    page = client.get(f"/facilitate/{approval.slug}/").content.decode()
    assert "Waitlist (1)" in page and "1 learner enrolled" in page


def test_promote_and_remove_by_hand(client, approval, facilitator, people):
    approval.enrollment_mode = "open"
    approval.save()
    a = enrollment_create(cohort=approval, user=people[0])
    b = enrollment_create(cohort=approval, user=people[1])
    c = enrollment_create(cohort=approval, user=people[2])
    client.force_login(facilitator)
    response = client.post(action(approval, c, "promote"), follow=True)
    assert "over capacity (2 of 1)" in response.content.decode()
    client.post(action(approval, a, "remove"), {"confirmed": "1"})
    statuses = dict(Enrollment.objects.values_list("pk", "status"))
    assert (statuses[a.pk], statuses[b.pk], statuses[c.pk]) == (
        "removed", "waitlisted", "enrolled")  # 1 seat, still full after the removal
    response = client.post(action(approval, a, "remove"), {"confirmed": "1"}, follow=True)
    assert "Only enrolled people can be removed" in response.content.decode()


def test_staff_can_facilitate_any_cohort(client, approval, staff):
    client.force_login(staff)
    assert client.get("/facilitate/").status_code == 200
    assert client.get(f"/facilitate/{approval.slug}/").status_code == 200


def test_nav_shows_facilitate_link(client, approval, facilitator, official):
    client.force_login(facilitator)
    assert 'href="/facilitate/"' in client.get("/me/").content.decode()
    client.force_login(official)
    assert 'href="/facilitate/"' not in client.get("/me/").content.decode()


def test_the_session_change_page_names_the_cohorts_zone(client, course, facilitator):
    cohort = make_cohort(course, time_zone="America/Denver")
    cohort.facilitators.add(facilitator)
    session = cohort.sessions.first()
    client.force_login(facilitator)
    html = client.get(f"/facilitate/{cohort.slug}/sessions/{session.pk}/change/").content.decode()
    assert "Times below are in the cohort's time zone (Mountain (Denver))." in html
    assert "America/Denver" not in html.split("Times below")[1].split(")")[0]
