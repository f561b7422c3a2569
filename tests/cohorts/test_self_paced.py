"""Self-paced courses: start when you like, finish by completing the required modules,
receive the certificate by email; it verifies like any other."""

import pytest
from django.core import mail
from django.urls import reverse

from certificates.models import Certificate
from cohorts.models import Enrollment
from tests.conftest import make_course, make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def self_paced(catalog):
    course = make_course(catalog, "Participatory budgeting basics", fmt="self_paced")
    modules = [make_module(course, "Why it works"), make_module(course, "Running a cycle"),
               make_module(course, "Further reading", required=False)]
    return course, modules


def test_start_progress_complete_and_certificate(client, official, self_paced,
                                                  django_capture_on_commit_callbacks):
    course, modules = self_paced
    html = client.get(course.url).content.decode()
    assert "Log in to start this course" in html and "No cohort is scheduled" not in html
    client.force_login(official)
    assert "Start this course" in client.get(course.url).content.decode()
    response = client.post(reverse("self_paced_start", args=[course.pk]))
    assert response.status_code == 302 and response["Location"] == modules[0].url
    me = client.get("/me/").content.decode()
    assert "Participatory budgeting basics" in me and "Self-paced" in me and "Continue" in me
    assert "0 of 2 required modules done" in me
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("module_complete", args=[modules[0].pk]))
        done = client.post(reverse("module_complete", args=[modules[1].pk]), follow=True)
    assert "You have completed Participatory budgeting basics" in done.content.decode()
    enrollment = Enrollment.objects.get(user=official)
    assert enrollment.status == "completed"
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.render_status == "done" and certificate.issued_by is None
    assert certificate.hours == course.estimated_hours and certificate.start_date
    [email] = [m for m in mail.outbox if "Your certificate" in m.subject]
    assert email.to == [official.email] and email.attachments
    verify = client.get(certificate.get_absolute_url()).content.decode()
    assert "Valid certificate" in verify and "Participatory budgeting basics" in verify
    assert "You completed this course" in client.get(course.url).content.decode()
    # Completing again (undo, redo) changes nothing and issues nothing more.
    client.post(reverse("module_complete", args=[modules[1].pk]), {"action": "undo"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("module_complete", args=[modules[1].pk]))
    assert Certificate.objects.count() == 1


def test_modules_without_starting_complete_nothing(client, official, self_paced):
    course, modules = self_paced
    client.force_login(official)
    for module in modules:
        client.post(reverse("module_complete", args=[module.pk]))
    assert not Enrollment.objects.exists() and not Certificate.objects.exists()


def test_a_cohort_course_cannot_be_started_alone(client, official, course):
    client.force_login(official)
    response = client.post(reverse("self_paced_start", args=[course.pk]), follow=True)
    assert "taught in cohorts" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_the_standing_cohort_is_not_listed_as_a_cohort(client, official, self_paced):
    course, _ = self_paced
    client.force_login(official)
    client.post(reverse("self_paced_start", args=[course.pk]))
    assert "Upcoming cohorts" not in client.get(course.url).content.decode()
    from cohorts.selectors import upcoming_cohorts

    assert upcoming_cohorts(course) == []
