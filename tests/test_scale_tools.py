"""seed_scale (small sizes, on the suite's database) and the load test's wrk parser.

No timing here: `make loadtest` measures; these only check the data and the parsing.
"""

import importlib.util
import io
from pathlib import Path

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


# --- wrk's output -----------------------------------------------------------------------

def _loadtest():
    path = Path(__file__).resolve().parent.parent / "bench" / "loadtest.py"
    spec = importlib.util.spec_from_file_location("bench_loadtest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WRK_TEXT = """\
Running 5s test @ http://127.0.0.1:8000/catalog/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   182.34ms   40.12ms   1.02s    80.00%
    Req/Sec    43.21     10.11    60.00     70.00%
  Latency Distribution
     50%  175.50ms
     75%  190.00ms
     90%  220.00ms
     99%    1.02s
  436 requests in 5.01s, 10.05MB read
  Socket errors: connect 0, read 0, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:     87.03
Transfer/sec:      2.01MB
"""


def test_parse_wrk_text_output():
    result = _loadtest().parse_wrk(WRK_TEXT)
    assert result.requests == 436
    assert result.duration_s == pytest.approx(5.01)
    assert result.rps == pytest.approx(87.03, rel=0.01)
    assert result.p50_ms == pytest.approx(175.5)
    assert result.p99_ms == pytest.approx(1020)
    assert not result.exact
    assert result.non_2xx == 3
    assert "3 non-2xx" in result.failure() and "timeout 2" in result.failure()


def test_parse_wrk_lua_line_counts_redirects_as_failures():
    loadtest = _loadtest()
    ok = loadtest.parse_wrk(WRK_TEXT.replace("  Non-2xx or 3xx responses: 3\n", "") + (
        'LOADTEST_JSON {"requests":400,"duration_us":5000000,"bytes":1,"errors":{"connect":0,'
        '"read":0,"write":0,"status":0,"timeout":0},"latency_us":{"min":900,"mean":12000.5,'
        '"max":90000,"p50":11000,"p90":20000,"p99":45500},"statuses":{"200":400}}\n'
    ))
    assert ok.exact and ok.requests == 400 and ok.rps == pytest.approx(80)
    assert (ok.p50_ms, ok.p99_ms) == (11.0, 45.5)
    assert ok.failure() == ""

    # A page that sends everyone to the login page is not fast: wrk alone would not say.
    redirected = loadtest.parse_wrk(
        'LOADTEST_JSON {"requests":900,"duration_us":5000000,"bytes":1,"errors":{"connect":0,'
        '"read":0,"write":0,"status":0,"timeout":0},"latency_us":{"min":900,"mean":5000,'
        '"max":9000,"p50":4000,"p90":6000,"p99":8000},"statuses":{"302":890,"200":10}}\n'
    )
    assert redirected.non_2xx == 890
    assert "890 non-2xx (302: 890)" in redirected.failure()

    table = loadtest.table([("roster", "facilitator", redirected, ok),
                            ("grid", "facilitator", ok, redirected)])
    assert "**FAILED** 890 non-2xx" in table
    assert "baseline: 890 non-2xx" in table


def test_table_marks_pages_over_twice_the_module_page():
    loadtest = _loadtest()
    base = loadtest.WrkResult(requests=100, duration_s=5, p50_ms=10, p99_ms=40,
                              statuses={200: 100}, exact=True)
    slow = loadtest.WrkResult(requests=50, duration_s=5, p50_ms=30, p99_ms=100,
                              statuses={200: 50}, exact=True)
    fine = loadtest.WrkResult(requests=90, duration_s=5, p50_ms=11, p99_ms=60,
                              statuses={200: 90}, exact=True)
    table = loadtest.table([("roster", "facilitator", slow, base),
                            ("home", "anonymous", fine, base),
                            ("healthz", "anonymous", slow, base)])
    assert "| roster | facilitator | 50 | 10.0 | 30.0 | 100 | 40.0 | **2.50 (>2x)** |" in table
    assert "| home | anonymous | 90 | 18.0 | 11.0 | 60.0 | 40.0 | 1.50 |" in table
    # /healthz asks the database every time: the ceiling, shown but not judged.
    assert "| healthz | anonymous | 50 | 10.0 | 30.0 | 100 | 40.0 | 2.50 (ceiling) |" in table
    assert loadtest.over_2x("roster", slow, base)
    assert not loadtest.over_2x("healthz", slow, base)
    assert not loadtest.over_2x("home", fine, base)
