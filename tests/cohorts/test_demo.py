"""seed_demo adds cohorts in every state, with sessions past and future; twice is fine."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from cohorts.models import Cohort, Enrollment, EnrollmentEvent, Session

pytestmark = pytest.mark.django_db


def test_demo_cohorts_in_every_state(client):
    call_command("seed_demo", "--quiet-logins")
    counts = (Cohort.objects.count(), Session.objects.count(), Enrollment.objects.count(),
              EnrollmentEvent.objects.count())
    call_command("seed_demo", "--quiet-logins")
    assert (Cohort.objects.count(), Session.objects.count(), Enrollment.objects.count(),
            EnrollmentEvent.objects.count()) == counts

    statuses = set(Cohort.objects.values_list("status", flat=True))
    assert {"open", "in_progress", "finished", "draft"} <= statuses
    full = Cohort.objects.get(slug="housing-full-waitlist")
    assert full.enrollments.seated().count() == full.capacity
    assert full.enrollments.waitlist().count() >= 2
    assert Cohort.objects.get(slug="approval-required").enrollments.filter(
        status="pending").exists()
    now = timezone.now()
    running = Cohort.objects.get(slug="organizer-in-progress")
    assert running.sessions.filter(ends_at__lt=now).exists()
    assert running.sessions.filter(starts_at__gt=now).exists()
    assert running.facilitators.filter(email="facilitator@academy.example.org").exists()

    # The pages serve with the demo data.
    assert client.get(f"/cohorts/{full.slug}/").status_code == 200
    assert ">Join the waitlist<" in client.get(f"/cohorts/{full.slug}/").content.decode()
    assert client.get(full.course.url).status_code == 200
    client.login(email="official1@example.org", password="governing-together")
    assert client.get("/me/").status_code == 200
    client.login(email="facilitator@academy.example.org", password="governing-together")
    assert client.get("/facilitate/").status_code == 200
    assert client.get("/facilitate/approval-required/").status_code == 200
