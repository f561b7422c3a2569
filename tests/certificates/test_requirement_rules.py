"""State training-requirement files: the shipped data, the validator's messages, the
loader and the system check. No database."""

import shutil
import tomllib
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core import checks

from academy.models import JurisdictionType
from academy.rulefiles import BODY_TYPES, RuleFileError, check_rule_files
from certificates.checks import check_requirement_rules
from certificates.hours.requirements import (
    RULES_DIR,
    load_requirements,
    read_requirements_file,
    read_vocabulary,
    requirements_for,
)

VALID = """\
state = "TX"

[[requirement]]
id = "tx-sample"
title = "Sample requirement"
hours = 16
topics = ["county-government"]
providers = "Accredited public universities."
citation = "Tex. Local Gov't Code §81.0025"
source_url = "https://statutes.capitol.texas.gov/Docs/LG/htm/LG.81.htm"
last_verified = 2026-01-05
verified_against = "The statute."

[requirement.applies_to]
body_types = ["county"]
offices = ["County Commissioner"]

[requirement.window]
type = "rolling_months"
months = 12
carry_forward_max_hours = 8
"""


def rules_dir(tmp_path, **files):
    """A rules folder with the real vocabulary and the given <STATE>.toml texts."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    shutil.copy(RULES_DIR / "vocabulary.toml", tmp_path / "vocabulary.toml")
    (tmp_path / "requirements").mkdir()
    for name, text in files.items():
        (tmp_path / "requirements" / f"{name}.toml").write_text(text)
    return tmp_path


def load_error(tmp_path, text, name="TX"):
    folder = rules_dir(tmp_path, **{name: text})
    with pytest.raises(RuleFileError) as caught:
        load_requirements.__wrapped__(folder)
    return str(caught.value).replace(f"{folder}/requirements/", "")


# --- the shipped files -------------------------------------------------------------


def test_shipped_files_load_for_the_issue_states():
    rules = load_requirements()
    assert {"TX", "FL", "NC", "CA"} <= set(rules)
    ids = {r.id for reqs in rules.values() for r in reqs}
    assert {
        "tx-open-meetings",
        "tx-county-commissioner",
        "fl-ethics-annual",
        "nc-ethics-after-election",
        "nc-school-board-biennial",
        "ca-ethics-local-agency",
    } <= ids


def test_every_shipped_rule_says_where_it_comes_from():
    for requirements in load_requirements().values():
        for requirement in requirements:
            source = requirement.provenance
            assert source.citation and source.source_url.startswith("http")
            assert (source.last_verified and source.verified_against) or (
                source.taken_from and source.taken_on
            )


def test_shipped_numbers_match_the_statutes():
    rules = {r.id: r for reqs in load_requirements().values() for r in reqs}
    tx_om, tx_cc = rules["tx-open-meetings"], rules["tx-county-commissioner"]
    assert (tx_om.hours, tx_om.hours_max, tx_om.window.days) == (1, 2, 90)
    assert (tx_cc.hours, tx_cc.window.months, tx_cc.window.carry_forward_max_hours) == (16, 12, 8)
    fl = rules["fl-ethics-annual"]
    assert (fl.hours, fl.window.type, fl.window.first_year_cutoff) == (4, "calendar_year", (3, 31))
    assert set(fl.topics) == {"ethics", "public-records", "open-meetings"}
    nc = rules["nc-ethics-after-election"]
    assert (nc.hours, nc.window.type, nc.window.months) == (2, "months_after_election", 12)
    assert (
        rules["nc-school-board-biennial"].hours,
        rules["nc-school-board-biennial"].window.anchor,
    ) == (
        12,
        "service_start",
    )
    ca = rules["ca-ethics-local-agency"]
    assert (ca.hours, ca.window.type, ca.window.anchor) == (2, "biennium", "last_completion")
    assert "five years" in ca.record_keeping


def test_body_types_are_the_user_models_jurisdiction_types():
    assert set(BODY_TYPES) == set(JurisdictionType.values)


def test_loader_is_cached():
    assert load_requirements() is load_requirements()


def test_system_check_is_registered_and_passes_on_the_shipped_files():
    assert check_requirement_rules in checks.registry.registry.get_checks()
    assert check_requirement_rules() == []


def test_system_check_reports_a_broken_file(tmp_path):
    folder = rules_dir(tmp_path, TX=VALID.replace("hours = 16", "hours = 0"))
    errors = check_rule_files(lambda: load_requirements.__wrapped__(folder), check_id="x.E001")
    assert len(errors) == 1 and errors[0].id == "x.E001"
    assert "TX.toml: requirement 'tx-sample' field 'hours': expected a positive number" in (
        errors[0].msg
    )


# --- who a requirement binds ----------------------------------------------------------


def test_office_is_matched_inside_the_title_case_insensitively():
    texas = {r.id: r for r in load_requirements()["TX"]}
    commissioners = texas["tx-county-commissioner"]
    assert commissioners.applies(body_type="county", office="County Commissioner, Precinct 2")
    assert not commissioners.applies(body_type="county", office="County Judge")
    assert not commissioners.applies(body_type="city", office="county commissioner")
    ids = {r.id for r in requirements_for(state="TX", body_type="county", office="County Judge")}
    assert ids == {"tx-open-meetings"}


def test_any_applies_to_alternative_binds():
    (florida,) = load_requirements()["FL"]
    assert florida.applies(body_type="city", office="Council Member")
    assert florida.applies(body_type="county", office="Sheriff")
    assert florida.applies(body_type="school_board", office="Board Member")
    assert not florida.applies(body_type="county", office="County Administrator")
    assert not florida.applies(body_type="township")


def test_conditions_must_hold():
    california = {r.id: r for r in load_requirements()["CA"]}
    local = california["ca-ethics-local-agency"]
    assert not local.applies(body_type="city", office="Mayor")
    assert local.applies(body_type="city", office="Mayor", conditions={"compensated"})
    assert california["ca-ethics-school-board"].applies(body_type="school_board")
    assert requirements_for(state="ZZ", body_type="city") == []


# --- the validator's messages -----------------------------------------------------------

REQ = "TX.toml: requirement 'tx-sample'"


MISTAKES = tomllib.loads(
    (Path(__file__).parent / "fixtures" / "requirement_mistakes.toml").read_text()
)["case"]


@pytest.mark.parametrize("case", MISTAKES, ids=[c["message"][:40] for c in MISTAKES])
def test_errors_name_the_file_the_requirement_and_the_field(tmp_path, case):
    assert case["old"] in VALID
    assert load_error(tmp_path, VALID.replace(case["old"], case["new"])).startswith(case["message"])



def test_taken_from_the_issue_is_accepted_with_its_date(tmp_path):
    text = VALID.replace(
        'last_verified = 2026-01-05\nverified_against = "The statute."',
        'taken_from = "the issue text"\ntaken_on = 2026-11-25',
    )
    (requirement,) = load_requirements.__wrapped__(rules_dir(tmp_path, TX=text))["TX"]
    assert requirement.provenance.taken_from == "the issue text"
    assert requirement.provenance.last_verified is None
    no_date = text.replace("taken_on = 2026-11-25\n", "")
    assert f"{REQ} field 'taken_on': missing" in load_error(tmp_path / "b", no_date)


def test_a_verification_date_in_the_future_is_refused(tmp_path):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    text = VALID.replace("2026-01-05", tomorrow)
    assert f"{REQ} field 'last_verified': is in the future" in load_error(tmp_path, text)


def test_file_names_are_state_codes(tmp_path):
    assert "texas.toml: file name must be a two-letter state code" in load_error(
        tmp_path, VALID, name="texas"
    )


def test_ids_are_unique_across_files(tmp_path):
    other = VALID.replace('state = "TX"', 'state = "TY"').replace("tx-sample", "ty-sample")
    folder = rules_dir(tmp_path, TX=VALID, TY=other.replace("ty-sample", "tx-sample"))
    with pytest.raises(RuleFileError, match="field 'id': expected a slug starting with 'ty-'"):
        load_requirements.__wrapped__(folder)
    folder = rules_dir(tmp_path / "b", TX=VALID + VALID[VALID.index("[[requirement]]") :])
    with pytest.raises(RuleFileError, match="requirement 'tx-sample' field 'id': also defined"):
        load_requirements.__wrapped__(folder)


BIENNIUM = VALID.replace(
    'type = "rolling_months"\nmonths = 12\ncarry_forward_max_hours = 8\n',
    'type = "biennium"\nanchor = "last_completion"\n\n'
    "[[requirement.window.initial]]\nservice_began_before = 2026-01-01\nmonths = 12\n\n"
    "[[requirement.window.initial]]\nmonths = 6\n",
)


def test_biennium_initial_deadlines(tmp_path):
    (requirement,) = load_requirements.__wrapped__(rules_dir(tmp_path, TX=BIENNIUM))["TX"]
    first, last = requirement.window.initial
    assert (first.service_began_before, first.months, last.months) == (date(2026, 1, 1), 12, 6)
    both = BIENNIUM.replace("months = 6", "months = 6\ndue = 2027-01-01")
    assert "field 'window.initial[1].months': give either months or due" in load_error(
        tmp_path / "a", both
    )
    conditional_last = BIENNIUM.replace(
        "months = 6", "months = 6\nservice_began_before = 2027-01-01"
    )
    assert "'window.initial[1].service_began_before': the last entry must apply" in load_error(
        tmp_path / "b", conditional_last
    )
    none = BIENNIUM[: BIENNIUM.index("\n[[requirement.window.initial]]")]
    assert "field 'window.initial': missing" in load_error(tmp_path / "c", none)


def test_calendar_year_cutoff(tmp_path):
    text = VALID.replace(
        'type = "rolling_months"\nmonths = 12\ncarry_forward_max_hours = 8',
        'type = "calendar_year"\nfirst_year_cutoff = "03-31"',
    )
    (requirement,) = load_requirements.__wrapped__(rules_dir(tmp_path, TX=text))["TX"]
    assert requirement.window.first_year_cutoff == (3, 31)
    assert requirement.hours == Decimal(16)
    bad = text.replace('"03-31"', '"13-40"')
    assert "field 'window.first_year_cutoff': expected a month and day" in load_error(
        tmp_path / "b", bad
    )


def test_vocabulary_is_validated(tmp_path):
    path = tmp_path / "vocabulary.toml"
    path.write_text('[topics]\n"Open Meetings" = "x"\n[conditions]\n')
    with pytest.raises(RuleFileError, match="field 'topics.Open Meetings': expected a lower"):
        read_vocabulary(path)


def test_reading_one_file_directly(tmp_path):
    folder = rules_dir(tmp_path, TX=VALID)
    vocabulary = read_vocabulary(folder / "vocabulary.toml")
    (requirement,) = read_requirements_file(folder / "requirements" / "TX.toml", vocabulary)
    assert requirement.applies_to[0].offices == ("county commissioner",)
