"""Training-hours windows: every window type, carry-forward caps, leap years, terms that
start mid-window, and properties (no hour counted twice). Pure arithmetic: no database."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from academy.rulefiles import Provenance
from certificates.hours.requirements import (
    AppliesTo,
    InitialDeadline,
    Requirement,
    WindowSpec,
    load_requirements,
)
from certificates.hours.windows import (
    State,
    TermFacts,
    TrainingRecord,
    add_months,
    requirement_status,
)

D = date


def requirement(window, hours=2, topics=("ethics",)):
    return Requirement(
        id="xx-test",
        state="XX",
        title="Test requirement",
        applies_to=(AppliesTo(("city",)),),
        hours=Decimal(str(hours)),
        topics=topics,
        window=window,
        providers="Anyone.",
        provenance=Provenance(
            "Test", "https://example.org", taken_from="tests", taken_on=D(2026, 1, 1)
        ),
    )


def shipped(requirement_id):
    return next(r for reqs in load_requirements().values() for r in reqs if r.id == requirement_id)


def rec(day, hours, topics=("ethics",), key=None):
    return TrainingRecord(day, hours, topics, provider="Academy", key=key)


def status(req, today, *, oaths=(), elections=(), records=(), left=None, **kwargs):
    facts = TermFacts(tuple(oaths), tuple(elections), left)
    return requirement_status(req, facts, list(records), today=today, **kwargs)


ONCE_90 = requirement(WindowSpec("days_after_oath", days=90, repeat="once"), hours=1)
EACH_90 = requirement(WindowSpec("days_after_oath", days=90, repeat="each_oath"), hours=1)
AFTER_ELECTION = requirement(WindowSpec("months_after_election", months=12))
YEARLY = requirement(WindowSpec("calendar_year", first_year_cutoff=(3, 31)), hours=4)
ROLLING = requirement(
    WindowSpec("rolling_months", months=12, carry_forward_max_hours=Decimal(8)), hours=16
)
BIENNIUM = requirement(WindowSpec("biennium", anchor="service_start"), hours=12)
LAST_COMPLETION = requirement(
    WindowSpec(
        "biennium",
        anchor="last_completion",
        initial=(InitialDeadline(D(2026, 1, 1), months=12), InitialDeadline(months=6)),
    )
)


# --- days after the oath -------------------------------------------------------------------


def test_days_after_oath_states_through_the_window():
    oath = D(2026, 1, 10)
    assert status(ONCE_90, D(2026, 2, 1), oaths=[oath]).state == State.OPEN
    soon = status(ONCE_90, D(2026, 3, 1), oaths=[oath])
    assert (soon.state, soon.due, soon.hours_needed) == (State.DUE_SOON, D(2026, 4, 10), 1)
    assert status(ONCE_90, D(2026, 4, 10), oaths=[oath]).state == State.DUE_SOON
    assert status(ONCE_90, D(2026, 4, 11), oaths=[oath]).state == State.OVERDUE
    met = status(ONCE_90, D(2026, 6, 1), oaths=[oath], records=[rec(D(2026, 3, 1), 1)])
    assert (met.state, met.window.met_on, met.window.late) == (State.MET, D(2026, 3, 1), False)
    assert status(ONCE_90, D(2026, 2, 1), oaths=[oath], due_soon_days=90).state == State.DUE_SOON


def test_only_matching_topics_and_dates_in_the_window_count():
    oath = D(2026, 1, 10)
    records = [
        rec(D(2026, 1, 9), 1),  # before the oath
        rec(D(2026, 2, 1), 1, topics=("public-records",)),  # another topic
        rec(D(2026, 12, 1), 1),  # after today
    ]
    result = status(ONCE_90, D(2026, 3, 1), oaths=[oath], records=records)
    assert result.window.hours_counted == 0 and result.state == State.DUE_SOON


def test_training_after_the_deadline_meets_it_late():
    result = status(ONCE_90, D(2026, 8, 1), oaths=[D(2026, 1, 1)], records=[rec(D(2026, 5, 1), 1)])
    assert (result.state, result.window.late, result.reason) == (
        State.MET,
        True,
        "Met on 2026-05-01 (late).",
    )


def test_once_means_a_reelection_changes_nothing_and_each_oath_starts_again():
    oaths, records = [D(2022, 1, 3), D(2026, 1, 5)], [rec(D(2022, 2, 1), 1)]
    once = status(ONCE_90, D(2026, 3, 1), oaths=oaths, records=records)
    assert (once.state, len(once.history)) == (State.MET, 1)
    each = status(EACH_90, D(2026, 3, 1), oaths=oaths, records=records)
    assert [w.met for w in each.history] == [True, False]
    assert (each.state, each.due) == (State.DUE_SOON, D(2026, 4, 5))


def test_ninety_days_after_a_leap_day_oath():
    assert status(ONCE_90, D(2024, 3, 1), oaths=[D(2024, 2, 29)]).due == D(2024, 5, 29)


def test_texas_open_meetings_file_counts_90_days_from_each_oath():
    tx = shipped("tx-open-meetings")
    result = status(tx, D(2026, 11, 25), oaths=[D(2026, 11, 2)])
    assert (result.state, result.due, result.hours_needed) == (State.OPEN, D(2027, 1, 31), 1)


# --- months after each election ------------------------------------------------------------


def test_twelve_months_after_each_election():
    election = D(2024, 11, 5)
    result = status(AFTER_ELECTION, D(2025, 10, 1), elections=[election])
    assert (result.state, result.due) == (State.DUE_SOON, D(2025, 11, 5))
    trained = [rec(D(2025, 3, 1), 2)]
    assert status(AFTER_ELECTION, D(2025, 10, 1), elections=[election], records=trained).state == (
        State.MET
    )
    reelected = status(
        AFTER_ELECTION, D(2026, 11, 25), elections=[election, D(2026, 11, 3)], records=trained
    )
    assert (reelected.state, reelected.due, reelected.window.hours_counted) == (
        State.OPEN,
        D(2027, 11, 3),
        0,
    )


def test_twelve_months_after_a_leap_day_is_the_28th():
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert add_months(D(2024, 2, 29), 48) == D(2028, 2, 29)
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2025, 12, 15), 1) == D(2026, 1, 15)
    result = status(AFTER_ELECTION, D(2024, 12, 1), elections=[D(2024, 2, 29)])
    assert result.due == D(2025, 2, 28)


def test_elections_less_than_a_year_apart_share_no_record():
    elections = [D(2025, 1, 10), D(2025, 6, 1)]  # appointed, then elected
    both = [rec(D(2025, 3, 1), 2, key="a"), rec(D(2025, 7, 1), 2, key="b")]
    result = status(AFTER_ELECTION, D(2025, 8, 1), elections=elections, records=both)
    assert [[r.key for r in w.records] for w in result.history] == [["a"], ["b"]]
    one = [rec(D(2025, 7, 1), 2, key="b")]  # in both windows: the earlier, needier one takes it
    result = status(AFTER_ELECTION, D(2025, 8, 1), elections=elections, records=one)
    assert [w.met for w in result.history] == [True, False]
    assert result.state == State.OPEN


def test_no_election_dates_is_unknown():
    result = status(AFTER_ELECTION, D(2026, 1, 1), oaths=[D(2025, 1, 1)])
    assert (result.state, result.reason) == (
        State.UNKNOWN,
        "No election or appointment dates on file.",
    )
    assert status(YEARLY, D(2026, 1, 1)).state == State.UNKNOWN


# --- calendar year ---------------------------------------------------------------------------


def test_calendar_year_first_year_cutoff():
    on_cutoff = status(YEARLY, D(2026, 11, 25), oaths=[D(2026, 3, 31)])
    assert (on_cutoff.state, on_cutoff.due) == (State.DUE_SOON, D(2026, 12, 31))
    after = status(YEARLY, D(2026, 11, 25), oaths=[D(2026, 4, 1)])
    assert (after.state, after.window) == (State.NOT_APPLICABLE, None)
    next_year = status(YEARLY, D(2027, 2, 1), oaths=[D(2026, 4, 1)])
    assert (next_year.state, next_year.window.start) == (State.OPEN, D(2027, 1, 1))


def test_calendar_year_counts_the_whole_year_and_nothing_carries():
    records = [rec(D(2025, 5, 1), 8), rec(D(2026, 2, 1), 3), rec(D(2026, 10, 1), 1)]
    result = status(YEARLY, D(2026, 11, 1), oaths=[D(2025, 1, 6)], records=records)
    assert (result.state, result.window.met_on) == (State.MET, D(2026, 10, 1))
    assert [w.hours_counted for w in result.history] == [8, 4]
    january = status(YEARLY, D(2027, 1, 2), oaths=[D(2025, 1, 6)], records=records)
    assert (january.state, january.hours_needed) == (State.OPEN, 4)


def test_a_term_that_starts_mid_year_counts_training_from_january():
    result = status(YEARLY, D(2026, 6, 1), oaths=[D(2026, 3, 15)], records=[rec(D(2026, 1, 20), 4)])
    assert result.state == State.MET


def test_year_end_boundaries():
    records = [rec(D(2026, 12, 31), 4, key="dec"), rec(D(2027, 1, 1), 4, key="jan")]
    result = status(YEARLY, D(2027, 1, 2), oaths=[D(2020, 1, 1)], records=records)
    assert [r.key for r in result.history[-2].records] == ["dec"]
    assert [r.key for r in result.window.records] == ["jan"]


def test_left_office_is_not_applicable():
    result = status(YEARLY, D(2026, 11, 25), oaths=[D(2020, 1, 1)], left=D(2026, 6, 30))
    assert (result.state, result.window) == (State.NOT_APPLICABLE, None)


def test_florida_file_is_a_calendar_year_of_four_hours():
    fl = shipped("fl-ethics-annual")
    records = [rec(D(2026, 2, 1), 2), rec(D(2026, 3, 1), 1, ("public-records",))]
    result = status(fl, D(2026, 11, 25), oaths=[D(2024, 11, 19)], records=records)
    assert (result.state, result.hours_needed) == (State.DUE_SOON, 1)


# --- rolling periods with carry-forward ------------------------------------------------------


def test_excess_hours_carry_forward_up_to_the_cap():
    oath = D(2025, 1, 1)
    records = [rec(D(2025, 3, 1), 30, ("ethics",))]
    result = status(ROLLING, D(2026, 2, 1), oaths=[oath], records=records)
    first, current = result.history
    assert (first.start, first.due, current.start) == (
        D(2025, 1, 1),
        D(2025, 12, 31),
        D(2026, 1, 1),
    )
    assert (first.hours_completed, first.carried_out, first.hours_counted) == (30, 8, 22)
    assert (current.carried_in, current.hours_counted, current.hours_needed) == (8, 8, 8)
    below_cap = status(ROLLING, D(2026, 2, 1), oaths=[oath], records=[rec(D(2025, 3, 1), 20)])
    assert below_cap.window.carried_in == 4


def test_carried_hours_are_not_carried_again():
    records = [rec(D(2025, 3, 1), 30), rec(D(2026, 3, 1), 10), rec(D(2027, 3, 1), 16)]
    result = status(ROLLING, D(2027, 6, 1), oaths=[D(2025, 1, 1)], records=records)
    second, third = result.history[1:]
    assert (second.carried_in, second.hours_counted, second.met, second.carried_out) == (
        8,
        18,
        True,
        0,
    )
    assert (third.carried_in, third.met_on) == (0, D(2027, 3, 1))


def test_carried_hours_alone_can_meet_a_window():
    small = requirement(
        WindowSpec("rolling_months", months=12, carry_forward_max_hours=Decimal(8)), hours=4
    )
    result = status(small, D(2026, 2, 1), oaths=[D(2025, 1, 1)], records=[rec(D(2025, 3, 1), 9)])
    assert (result.state, result.window.met_on, result.window.carried_in) == (
        State.MET,
        D(2026, 1, 1),
        5,
    )


def test_rolling_periods_from_a_leap_day_stay_contiguous():
    result = status(ROLLING, D(2028, 3, 1), oaths=[D(2024, 2, 29)])
    bounds = [(w.start, w.due) for w in result.history]
    assert bounds == [
        (D(2024, 2, 29), D(2025, 2, 27)),
        (D(2025, 2, 28), D(2026, 2, 27)),
        (D(2026, 2, 28), D(2027, 2, 27)),
        (D(2027, 2, 28), D(2028, 2, 28)),
        (D(2028, 2, 29), D(2029, 2, 27)),
    ]


def test_a_second_term_does_not_restart_rolling_periods():
    result = status(ROLLING, D(2025, 3, 1), oaths=[D(2021, 1, 1), D(2025, 1, 1)])
    assert (len(result.history), result.window.start) == (5, D(2025, 1, 1))
    mid = status(ROLLING, D(2025, 3, 1), oaths=[D(2020, 7, 15), D(2025, 1, 1)])
    assert (mid.window.start, mid.due) == (D(2024, 7, 15), D(2025, 7, 14))


def test_texas_commissioner_file():
    tx = shipped("tx-county-commissioner")
    records = [rec(D(2025, 4, 1), 24, ("county-government",)), rec(D(2025, 5, 1), 2, ("ethics",))]
    result = status(tx, D(2026, 11, 25), oaths=[D(2025, 1, 1)], records=records)
    assert (result.window.carried_in, result.hours_needed, result.due) == (8, 8, D(2026, 12, 31))
    assert result.state == State.DUE_SOON  # 36 days left


# --- biennium ---------------------------------------------------------------------------------


def test_biennium_anchored_on_service_start():
    records = [rec(D(2026, 4, 1), 6), rec(D(2027, 11, 30), 6), rec(D(2027, 12, 1), 3)]
    result = status(BIENNIUM, D(2028, 1, 5), oaths=[D(2025, 12, 1)], records=records)
    first, current = result.history
    assert (first.start, first.due, first.met_on) == (
        D(2025, 12, 1),
        D(2027, 11, 30),
        D(2027, 11, 30),
    )
    assert (current.start, current.hours_counted, result.state) == (D(2027, 12, 1), 3, State.OPEN)


def test_biennium_from_last_completion():
    trained = [rec(D(2025, 3, 10), 2)]
    result = status(LAST_COMPLETION, D(2026, 11, 25), oaths=[D(2024, 6, 1)], records=trained)
    first, current = result.history
    assert (first.due, first.met_on) == (D(2025, 6, 1), D(2025, 3, 10))  # 12 months: began 2024
    assert (current.start, current.due, result.state) == (
        D(2025, 3, 11),
        D(2027, 3, 10),
        State.OPEN,
    )
    new = status(LAST_COMPLETION, D(2026, 11, 25), oaths=[D(2026, 2, 1)])
    assert (new.due, new.state) == (D(2026, 8, 1), State.OVERDUE)  # six months: began 2026


def test_biennium_late_completion_restarts_the_clock():
    records = [rec(D(2026, 1, 15), 1), rec(D(2026, 9, 1), 1), rec(D(2026, 9, 1), 1, key="same-day")]
    result = status(LAST_COMPLETION, D(2026, 11, 25), oaths=[D(2024, 6, 1)], records=records)
    first, current = result.history
    assert (first.met_on, first.late, len(first.records)) == (D(2026, 9, 1), True, 3)
    assert (current.start, current.due, current.hours_counted) == (D(2026, 9, 2), D(2028, 9, 1), 0)


def test_california_school_board_incumbents_phase_in():
    ca = shipped("ca-ethics-school-board")
    incumbent = status(ca, D(2025, 11, 1), oaths=[D(2018, 12, 10)])
    assert (incumbent.due, incumbent.state) == (D(2025, 12, 31), State.DUE_SOON)
    trained = status(ca, D(2026, 11, 25), oaths=[D(2018, 12, 10)], records=[rec(D(2025, 6, 1), 2)])
    assert (trained.due, trained.state) == (D(2027, 6, 1), State.OPEN)
    newcomer = status(ca, D(2025, 3, 1), oaths=[D(2025, 2, 1)])
    assert newcomer.due == D(2026, 2, 1)


def test_not_required_before_service_starts():
    result = status(BIENNIUM, D(2026, 11, 25), oaths=[D(2026, 12, 7)])
    assert (result.state, result.reason) == (State.NOT_APPLICABLE, "Not required yet.")


# --- properties -------------------------------------------------------------------------------

SPECS = [
    WindowSpec("days_after_oath", days=90, repeat="once"),
    WindowSpec("days_after_oath", days=90, repeat="each_oath"),
    WindowSpec("months_after_election", months=12),
    WindowSpec("calendar_year", first_year_cutoff=(3, 31)),
    WindowSpec("calendar_year"),
    WindowSpec("rolling_months", months=12, carry_forward_max_hours=Decimal(8)),
    WindowSpec("rolling_months", months=6, carry_forward_max_hours=Decimal("2.5")),
    WindowSpec("biennium", anchor="service_start"),
    LAST_COMPLETION.window,
]
# Dates cluster around one base date so that windows overlap, elections fall less than
# a year apart and records land on window edges often.
BASE = D(2024, 2, 29)
offsets = st.integers(min_value=-60, max_value=1600)
day_near = offsets.map(lambda n: BASE + timedelta(days=n))
hours = st.decimals(min_value=0, max_value=20, places=2)
records = st.lists(
    st.builds(
        TrainingRecord,
        completed_on=day_near,
        hours=hours,
        topics=st.sampled_from([("ethics",), ("open-meetings",), ("ethics", "open-meetings")]),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(
    spec=st.sampled_from(SPECS),
    required=st.decimals(min_value="0.5", max_value=16, places=1),
    anchors=st.lists(day_near, min_size=1, max_size=4),
    found=records,
    today=day_near,
)
def test_no_hour_is_counted_twice(spec, required, anchors, found, today):
    found = [TrainingRecord(r.completed_on, r.hours, r.topics, key=i) for i, r in enumerate(found)]
    req = requirement(spec, hours=required)
    result = status(req, today, oaths=anchors, elections=anchors, records=found)
    keys = [r.key for window in result.history for r in window.records]
    assert len(keys) == len(set(keys)), "a record counted in two windows"
    available = sum(
        (Decimal(str(r.hours)) for r in found if r.completed_on <= today and "ethics" in r.topics),
        Decimal(0),
    )
    assert sum((w.hours_counted for w in result.history), Decimal(0)) <= available
    for before, after in zip(result.history, result.history[1:], strict=False):
        assert after.carried_in == (before.carried_out if spec.type == "rolling_months" else 0)
        if spec.type in ("calendar_year", "rolling_months", "biennium"):
            assert after.start > before.due or after.start == before.met_on + timedelta(days=1)
    for window in result.history:
        assert 0 <= window.carried_out <= spec.carry_forward_max_hours
        assert window.carried_out <= max(0, window.hours_completed - required)  # own hours only
        assert window.hours_counted >= 0
        assert all(
            r.completed_on >= window.start and r.completed_on <= today for r in window.records
        )
        assert window.met == (window.hours_completed + window.carried_in >= required)
