"""seed_demo gives the running and finished cohorts attendance and module completions:
some learners on track, some not; running it twice changes nothing."""

import pytest
from django.core.management import call_command

from cohorts.models import Attendance, Cohort
from cohorts.progress import roster_progress
from courses.models import ModuleCompletion

pytestmark = pytest.mark.django_db


def test_demo_attendance_and_progress(client):
    call_command("seed_demo", "--quiet-logins")
    counts = (Attendance.objects.count(), ModuleCompletion.objects.count())
    call_command("seed_demo", "--quiet-logins")
    assert (Attendance.objects.count(), ModuleCompletion.objects.count()) == counts
    running = Cohort.objects.select_related("course").get(slug="organizer-in-progress")
    finished = Cohort.objects.select_related("course").get(slug="finished-cohort")
    for cohort in (running, finished):
        assert Attendance.objects.filter(session__cohort=cohort).exists()
        progress = roster_progress(cohort).values()
        assert any(p.on_track for p in progress) and any(not p.on_track for p in progress)
    assert any(p.eligible for p in roster_progress(finished).values())
    assert set(Attendance.objects.values_list("source", flat=True)) == {
        "facilitator", "self_check_in"}

    client.login(email="facilitator@academy.example.org", password="governing-together")
    for url in ("/facilitate/", f"/facilitate/{running.slug}/roster/",
                f"/facilitate/{running.slug}/attendance/"):
        assert client.get(url).status_code == 200, url
    learner = running.enrollments.first().user
    client.force_login(learner)
    assert "Attendance:" in client.get("/me/").content.decode()
