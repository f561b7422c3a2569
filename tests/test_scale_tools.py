"""seed_scale (small sizes, on the suite's database). No timing here."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from academy.models import JurisdictionType, User, USState
from academy.scale import FACILITATOR_EMAIL, OFFICIAL_EMAIL, SCALE_PASSWORD, scale_users
from certificates.models import Certificate, RenderStatus
from cohorts.models import (
    Attendance,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    Session,
)
from cohorts.scale import BIG_COHORT_SLUG, scale_cohorts
from courses.models import ModuleCompletion

from .conftest import make_course, make_module

S = EnrollmentStatus
SMALL = ["--officials", "400", "--cohorts", "12", "--sessions-per-cohort", "4",
         "--enrollments", "300", "--big-cohort", "24", "--facilitator-cohorts", "5",
         "--facilitators", "3"]


def seed(*extra):
    out = io.StringIO()
    call_command("seed_scale", *SMALL, *extra, stdout=out)
    return out.getvalue()


@pytest.fixture
def two_courses(modules, catalog):
    other = make_course(catalog, "Housing from the dais")
    make_module(other, "Zoning basics")
    make_module(other, "Tenant protections", required=False)
    return [modules[0].get_parent().specific, other]


@pytest.mark.django_db
def test_seed_scale_small(two_courses, official, client):
    output = seed()
    assert "Scale data is ready in" in output

    officials = scale_users().filter(email__startswith="official")
    assert officials.count() == 400
    # The first 7 x 56 officials cover every state and territory with every type.
    assert set(officials.values_list("state", flat=True)) == set(USState.values)
    assert set(officials.values_list("jurisdiction_type", flat=True)) == set(
        JurisdictionType.values)
    me = User.objects.get(email=OFFICIAL_EMAIL)
    assert me.check_password(SCALE_PASSWORD)
    assert User.objects.get(email=FACILITATOR_EMAIL).check_password(SCALE_PASSWORD)
    assert scale_users().filter(is_staff=True, is_superuser=True).count() == 1

    cohorts = scale_cohorts()
    assert cohorts.count() == 12
    assert set(cohorts.values_list("course", flat=True)) == {c.pk for c in two_courses}
    assert Session.objects.filter(cohort__in=cohorts).count() == 12 * 4
    enrollments = Enrollment.objects.filter(cohort__in=cohorts)
    assert 240 <= enrollments.count() <= 360
    by_status = {s: enrollments.filter(status=s).count() for s in S.values}
    assert all(by_status.values()), by_status  # every status
    assert by_status[S.ENROLLED] + by_status[S.COMPLETED] > enrollments.count() / 2

    # The big cohort: exactly --big-cohort enrolled, running, half its sessions held and
    # marked for everyone enrolled; applicants and a waitlist besides.
    big = Cohort.objects.get(slug=BIG_COHORT_SLUG)
    assert big.status == CohortStatus.IN_PROGRESS
    assert big.enrollments.filter(status=S.ENROLLED).count() == 24
    assert big.enrollments.filter(status=S.PENDING).exists()
    assert big.enrollments.filter(status=S.WAITLISTED).exists()
    held = big.sessions.filter(starts_at__lte=timezone.now())
    assert held.count() == 2
    assert Attendance.objects.filter(session__in=held).count() == 2 * 24
    assert not Attendance.objects.filter(session__cohort=big,
                                         session__starts_at__gt=timezone.now()).exists()
    assert Attendance.objects.filter(session__cohort__in=cohorts).count() > 2 * 24

    facilitator = User.objects.get(email=FACILITATOR_EMAIL)
    assert facilitator.facilitated_cohorts.count() == 5
    assert facilitator.facilitated_cohorts.filter(pk=big.pk).exists()
    assert set(me.enrollments.values_list("status", flat=True)) >= {S.ENROLLED, S.COMPLETED}
    assert me.enrollments.filter(cohort=big, status=S.ENROLLED).exists()

    # One certificate per completed enrollment, unrendered and left alone by the sweeper.
    certificates = Certificate.objects.filter(enrollment__cohort__in=cohorts)
    assert certificates.count() == by_status[S.COMPLETED]
    assert not certificates.exclude(render_status=RenderStatus.PENDING).exists()
    assert not certificates.filter(render_requested_at__isnull=False).exists()
    assert ModuleCompletion.objects.filter(user__in=scale_users()).exists()

    # The pages the load test hits answer 200 with this data.
    client.force_login(facilitator)
    base = f"/facilitate/{big.slug}/"
    for url in ["/facilitate/", base, base + "roster/", base + "attendance/",
                f"{base}sessions/{held.last().pk}/attendance/", base + "certificates/"]:
        assert client.get(url).status_code == 200, url
    client.force_login(me)
    assert client.get("/me/").status_code == 200
    assert client.get(f"/cohorts/{big.slug}/").status_code == 200

    # A second run changes nothing and says so; --reset rebuilds only the scale data.
    counts = (User.objects.count(), enrollments.count(), certificates.count())
    assert "already there; nothing done" in seed()
    assert (User.objects.count(), enrollments.count(), certificates.count()) == counts
    seed("--reset")
    assert scale_users().filter(email__startswith="official").count() == 400
    assert scale_cohorts().count() == 12
    assert User.objects.filter(pk=official.pk).exists()


@pytest.mark.django_db
def test_seed_scale_runs_seed_demo_without_courses(catalog, monkeypatch):
    from academy.management.commands import seed_scale

    called = []

    def fake_call_command(name, *args, **kwargs):
        called.append(name)
        make_module(make_course(catalog), "Reading the budget")

    monkeypatch.setattr(seed_scale, "call_command", fake_call_command)
    call_command("seed_scale", "--officials", "30", "--cohorts", "3", "--enrollments", "20",
                 "--big-cohort", "5", "--facilitator-cohorts", "2", stdout=io.StringIO())
    assert called == ["seed_demo"]
    assert scale_cohorts().count() == 3


@pytest.mark.django_db
def test_seed_scale_refuses_impossible_sizes():
    with pytest.raises(CommandError, match="--big-cohort"):
        call_command("seed_scale", "--officials", "10", "--big-cohort", "20")
