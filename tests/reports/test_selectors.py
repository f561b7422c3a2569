"""The impact figures against the hand-counted year of tests/reports/conftest.py."""

from datetime import date
from decimal import Decimal

import pytest

from academy.choices import USState
from cohorts.models import Enrollment
from reports.labels import STATES
from reports.selectors import ImpactFilters, impact_report, suppressed
from tests.conftest import UserFactory

from .conftest import NOW, at, enroll

pytestmark = pytest.mark.django_db

YEAR = ImpactFilters(start=date(2026, 1, 1), end=date(2026, 12, 31))


def test_headline_figures_match_the_hand_counts(academy_year):
    report = impact_report(YEAR, now=NOW)
    h = report.headline
    assert h.officials_trained == 2  # u1 once, though with two completions
    assert h.officials_enrolled == 4  # withdrawn, cancelled and last year's not counted
    assert h.completions == 3
    assert h.completion_rate == 75.0  # 3 of 4 outcomes (u4 still enrolled)
    assert h.hours == Decimal("12.0")  # 4 attended x 1.5 h + 6 self-paced credit hours
    assert h.certificates == 2  # the revoked one and last year's are not counted
    assert h.states_reached == 1
    assert h.jurisdictions_reached == 2


def test_per_course_rows(academy_year):
    report = impact_report(YEAR, now=NOW)
    budgets, ethics = report.courses
    assert (budgets.title, budgets.cohorts, budgets.enrolled, budgets.completed) == (
        "Budgets", 1, 4, 2)
    assert round(budgets.rate, 1) == 66.7
    assert budgets.hours == Decimal("6.0")
    # 4 attended of 2 sessions x 4 seats - 1 excused; the withdrawn mark does not count.
    assert round(budgets.average_attendance, 1) == 57.1
    assert (ethics.title, ethics.cohorts, ethics.enrolled, ethics.completed) == (
        "Ethics", 1, 1, 1)
    assert ethics.hours == Decimal("6") and ethics.average_attendance is None


def test_states_jurisdictions_and_months(academy_year):
    report = impact_report(YEAR, now=NOW)
    by_state = {row.code: row for row in report.states}
    assert len(report.states) == len(USState.choices) == len(STATES) >= 51
    assert (by_state["IL"].trained, by_state["IL"].completions) == (2, 3)
    assert by_state["WI"].trained == 0 and by_state["TX"].trained == 0
    by_type = {row.code: row.trained for row in report.jurisdictions}
    assert by_type["city"] == 1 and by_type["county"] == 1 and by_type["tribal"] == 0
    assert [(m.label, m.completions) for m in report.months if m.completions] == [
        ("Apr 2026", 2), ("May 2026", 1)]
    assert len(report.months) == 12


def test_filters(academy_year):
    only_ethics = impact_report(
        ImpactFilters(start=YEAR.start, end=YEAR.end, course_id=academy_year.ethics.pk), now=NOW
    )
    assert only_ethics.headline.officials_trained == 1
    assert only_ethics.headline.hours == Decimal("6")
    partner = impact_report(
        ImpactFilters(start=YEAR.start, end=YEAR.end,
                      organization_id=academy_year.partner.pk), now=NOW
    )
    assert [c.title for c in partner.courses] == ["Budgets"]
    assert partner.headline.completions == 2
    wisconsin = impact_report(
        ImpactFilters(start=YEAR.start, end=YEAR.end, state="WI"), now=NOW
    )
    assert wisconsin.headline.officials_trained == 0
    assert wisconsin.headline.officials_enrolled == 1
    finished = impact_report(
        ImpactFilters(start=YEAR.start, end=YEAR.end, cohort_status="finished"), now=NOW
    )
    assert finished.headline.completions == 2
    last_year = impact_report(
        ImpactFilters(start=date(2025, 1, 1), end=date(2025, 12, 31)), now=NOW
    )
    assert last_year.headline.officials_trained == 1
    assert last_year.headline.certificates == 1


def test_range_is_whole_days_in_the_academy_time_zone(academy_year):
    april_10 = impact_report(
        ImpactFilters(start=date(2026, 4, 10), end=date(2026, 4, 10)), now=NOW
    )
    assert april_10.headline.completions == 1


def test_constant_number_of_queries(academy_year, django_assert_num_queries):
    with django_assert_num_queries(6):  # N+1 guard: rows are grouped in Python
        impact_report(YEAR, now=NOW)
    for _ in range(15):  # three times the people: still six queries
        user = UserFactory(state="CA", jurisdiction_type="tribal")
        enroll(academy_year.spring, user, "completed", changed=at(2026, 6, 1))
    with django_assert_num_queries(6):
        report = impact_report(YEAR, now=NOW)
    assert report.headline.officials_trained == 17
    assert Enrollment.objects.count() > 20


def test_small_counts_are_suppressed_only_when_asked():
    assert suppressed(0, suppress=True) == 0
    assert suppressed(4, suppress=True) == "fewer than 5"
    assert suppressed(5, suppress=True) == 5
    assert suppressed(3, suppress=False) == 3
