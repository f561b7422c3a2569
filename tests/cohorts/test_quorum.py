"""The quorum guard: open-meetings threshold files and the arithmetic, per state.
No database."""

import pytest
from django.core import checks

from academy.rulefiles import RuleFileError, check_rule_files
from cohorts.checks import check_open_meetings_rules
from cohorts.open_meetings import load_open_meetings_rules, read_open_meetings_file
from cohorts.quorum import check_gathering, meeting_threshold

RULES = load_open_meetings_rules()


def reached(state, seats, present, **kwargs):
    return check_gathering(RULES[state], seats=seats, present=present, **kwargs).reached


def threshold(state, seats, **kwargs):
    return meeting_threshold(RULES[state], seats=seats, **kwargs)[0]


# --- per state ------------------------------------------------------------------------------


def test_florida_two_members_of_any_board():
    assert reached("FL", 5, 2) and not reached("FL", 5, 1)
    assert threshold("FL", 5) == threshold("FL", 9) == threshold("FL", 3) == 2
    result = check_gathering(RULES["FL"], seats=5, present=2)
    assert "Sunshine" in result.law and "286.011" in result.citation
    assert result.arithmetic == "2 members of the same body, whatever its size"


def test_california_majority():
    assert reached("CA", 5, 3) and not reached("CA", 5, 2)
    assert [threshold("CA", n) for n in (3, 4, 5, 6, 7)] == [2, 3, 3, 4, 4]
    result = check_gathering(RULES["CA"], seats=5, present=3)
    assert "conference" in result.exceptions.casefold()
    assert result.arithmetic == "a majority of 5 seats is 3"


def test_north_carolina_majority():
    assert reached("NC", 7, 4) and not reached("NC", 7, 3)
    assert "social meeting" in RULES["NC"].exceptions


def test_texas_quorum():
    assert threshold("TX", 5) == 3
    assert reached("TX", 5, 3) and not reached("TX", 5, 2)
    assert threshold("TX", 5, quorum=4) == 4  # a charter may set its own quorum
    assert "workshop" in RULES["TX"].exceptions


def test_wisconsin_quorum_or_blocking_minority():
    # A simple-majority quorum: the fewest who can deny it is ceil(seats / 2), which is
    # also the statute's "one-half or more" presumption.
    assert [threshold("WI", n) for n in (3, 4, 5, 6, 7, 9)] == [2, 2, 3, 3, 4, 5]
    assert reached("WI", 4, 2) and not reached("WI", 5, 2)
    # Showers: 4 of 11 commissioners could block a two-thirds (8-vote) matter.
    assert threshold("WI", 11, votes_needed=8) == 4
    result = check_gathering(RULES["WI"], seats=11, present=4, votes_needed=8)
    assert result.reached and "4 voting no defeat a 8-vote matter" in result.arithmetic
    assert "no smaller group" in check_gathering(RULES["WI"], seats=5, present=3).arithmetic
    assert "informational" in RULES["WI"].exceptions


def test_result_carries_the_rule_text_and_source():
    result = check_gathering(RULES["TX"], seats=5, present=3)
    assert (result.state, result.kind, result.threshold, result.present) == ("TX", "quorum", 3, 3)
    assert result.rule == RULES["TX"].rule and result.suggestion == RULES["TX"].suggestion
    assert result.source_url.startswith("https://")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"seats": 0, "present": 0}, "seats must be a whole number of at least 1"),
        ({"seats": 5, "present": 6}, "present (6) cannot exceed the body's 5 seats"),
        ({"seats": 5, "present": -1}, "present must be a whole number of at least 0"),
        ({"seats": 5, "present": 2, "quorum": 6}, "quorum (6) cannot exceed"),
        ({"seats": 5, "present": 2, "votes_needed": 0}, "votes_needed must be"),
    ],
)
def test_impossible_numbers_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_gathering(RULES["WI"], **kwargs)


# --- the files ------------------------------------------------------------------------------


def test_shipped_files_cover_the_issue_states_with_sources():
    assert {"FL", "CA", "NC", "TX", "WI"} <= set(RULES)
    assert {state: rule.kind for state, rule in RULES.items()} == {
        "CA": "majority",
        "FL": "fixed_count",
        "NC": "majority",
        "TX": "quorum",
        "WI": "quorum_or_blocking_minority",
    }
    for rule in RULES.values():
        assert rule.provenance.last_verified and rule.provenance.verified_against
        assert rule.provenance.source_url.startswith("http")


def test_system_check_is_registered_and_passes():
    assert check_open_meetings_rules in checks.registry.registry.get_checks()
    assert check_open_meetings_rules() == []


VALID = """\
state = "FL"
law = "Sunshine Law"
kind = "fixed_count"
count = 2
rule = "Two members."
exceptions = "None."
suggestion = "Separate them."
citation = "Fla. Stat. §286.011"
source_url = "https://example.org/286.011"
taken_from = "the issue text"
taken_on = 2026-11-25
"""


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("count = 2\n", "", "FL.toml: field 'count': missing"),
        ('kind = "fixed_count"', 'kind = "majority"', "FL.toml: field 'count': unknown field"),
        ('kind = "fixed_count"', 'kind = "plurality"', "FL.toml: field 'kind': expected one of"),
        ("count = 2", "count = 1", "FL.toml: field 'count': expected a whole number of at least 2"),
        ('rule = "Two members."\n', "", "FL.toml: field 'rule': missing"),
        ('state = "FL"', 'state = "WI"', "FL.toml: field 'state': expected 'FL'"),
        ("taken_on = 2026-11-25\n", "", "FL.toml: field 'taken_on': missing"),
    ],
)
def test_file_errors_name_the_file_and_the_field(tmp_path, old, new, message):
    path = tmp_path / "FL.toml"
    path.write_text(VALID.replace(old, new))
    with pytest.raises(RuleFileError) as caught:
        read_open_meetings_file(path)
    assert str(caught.value).startswith(f"{tmp_path}/{message}")


def test_a_valid_file_taken_from_the_issue(tmp_path):
    (tmp_path / "FL.toml").write_text(VALID)
    rule = load_open_meetings_rules.__wrapped__(tmp_path)["FL"]
    assert (rule.count, rule.provenance.taken_from) == (2, "the issue text")


def test_system_check_reports_a_broken_file(tmp_path):
    (tmp_path / "FL.toml").write_text(VALID.replace("count = 2", "count = 0"))
    errors = check_rule_files(
        lambda: load_open_meetings_rules.__wrapped__(tmp_path), check_id="cohorts.E001"
    )
    assert [e.id for e in errors] == ["cohorts.E001"]
    assert "FL.toml: field 'count': expected a whole number of at least 2" in errors[0].msg
