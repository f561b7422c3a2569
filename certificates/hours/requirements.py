"""State training requirements: the schema of certificates/rules/requirements/<STATE>.toml.

Each file holds `state = "TX"` and one `[[requirement]]` table per requirement; the
fields and window types are documented in certificates/rules/README.md. `load_requirements`
validates every file (and the topic vocabulary) once per process; `requirements_for`
picks the requirements that bind one official on one body.
"""

import functools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from academy.rulefiles import (
    BODY_TYPES,
    SLUG,
    Fields,
    Provenance,
    RuleFileError,
    read_provenance,
    read_toml,
    rule_files,
)

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
WINDOW_TYPES = (
    "days_after_oath",
    "months_after_election",
    "calendar_year",
    "rolling_months",
    "biennium",
)
REPEATS = ("once", "each_oath")
ANCHORS = ("service_start", "last_completion")


@dataclass(frozen=True)
class InitialDeadline:
    """When the first training of a `last_completion` biennium is due: `months` after the
    service began, or by the fixed date `due` (a phase-in for officials already serving).
    The first entry whose `service_began_before` is later than the service start wins."""

    service_began_before: date | None = None
    months: int | None = None
    due: date | None = None


@dataclass(frozen=True)
class WindowSpec:
    type: str
    days: int | None = None  # days_after_oath
    repeat: str = "once"  # days_after_oath: once, or again after each oath
    months: int | None = None  # months_after_election, rolling_months
    carry_forward_max_hours: Decimal = Decimal(0)  # rolling_months
    first_year_cutoff: tuple[int, int] | None = None  # calendar_year: (month, day)
    anchor: str | None = None  # biennium
    initial: tuple[InitialDeadline, ...] = ()  # biennium anchored on last completion


@dataclass(frozen=True)
class AppliesTo:
    body_types: tuple[str, ...]
    offices: tuple[str, ...] = ()  # casefolded; empty: every member of the body
    conditions: tuple[str, ...] = ()  # all must hold for the official (e.g. "compensated")


@dataclass(frozen=True)
class Requirement:
    id: str
    state: str
    title: str
    applies_to: tuple[AppliesTo, ...]  # alternatives: it binds whoever matches one
    hours: Decimal
    topics: tuple[str, ...]
    window: WindowSpec
    providers: str
    provenance: Provenance
    hours_max: Decimal | None = None
    notes: str | None = None
    record_keeping: str | None = None

    def applies(self, *, body_type, office="", conditions=()):
        """Whether this binds a member of a `body_type` body holding `office` (free text,
        matched by containment: "County Commissioner, Pct. 2" holds "county commissioner")
        for whom every condition of one of the `applies_to` alternatives holds."""
        office = " ".join((office or "").casefold().split())
        return any(
            body_type in who.body_types
            and (not who.offices or any(o in office for o in who.offices))
            and set(who.conditions) <= set(conditions)
            for who in self.applies_to
        )


@dataclass(frozen=True)
class Vocabulary:
    topics: dict
    conditions: dict


def read_vocabulary(path) -> Vocabulary:
    fields = Fields(read_toml(path), path)
    tables = {}
    for name in ("topics", "conditions"):
        table = fields.sub(name)
        for slug in table.table:
            if not SLUG.match(slug):
                raise table.error(slug, "expected a lowercase-hyphenated slug")
            table.text(slug)
        tables[name] = dict(table.table)
    fields.done()
    return Vocabulary(**tables)


def _read_window(fields: Fields) -> WindowSpec:
    kind = fields.choice("type", WINDOW_TYPES)
    spec = {"type": kind}
    if kind == "days_after_oath":
        spec["days"] = fields.whole_number("days")
        spec["repeat"] = fields.choice("repeat", REPEATS)
    elif kind in ("months_after_election", "rolling_months"):
        spec["months"] = fields.whole_number("months")
    if kind == "rolling_months":
        carry = fields.positive_number("carry_forward_max_hours", required=False)
        spec["carry_forward_max_hours"] = carry or Decimal(0)
    if kind == "calendar_year":
        cutoff = fields.text("first_year_cutoff", required=False)
        if cutoff:
            try:
                month, day = (int(part) for part in cutoff.split("-"))
                date(2024, month, day)  # a leap year: 02-29 is a valid cutoff
            except ValueError:
                raise fields.error("first_year_cutoff", "expected a month and day, MM-DD") from None
            spec["first_year_cutoff"] = (month, day)
    if kind == "biennium":
        spec["anchor"] = fields.choice("anchor", ANCHORS)
        if spec["anchor"] == "last_completion":
            spec["initial"] = _read_initial(fields)
    fields.done()
    return WindowSpec(**spec)


def _read_initial(fields: Fields):
    entries = fields.get("initial")
    if not isinstance(entries, list) or not entries:
        raise fields.error("initial", "expected one or more [[...window.initial]] tables")
    result = []
    for index, entry in enumerate(entries):
        sub = Fields(
            entry, fields.path, item=fields.item, prefix=f"{fields.prefix}initial[{index}]."
        )
        before = sub.day("service_began_before", required=index < len(entries) - 1)
        months = sub.whole_number("months", required=False)
        due = sub.day("due", required=False)
        if (months is None) == (due is None):
            raise sub.error("months", "give either months or due")
        if before is not None and index == len(entries) - 1:
            raise sub.error("service_began_before", "the last entry must apply to everyone")
        sub.done()
        result.append(InitialDeadline(before, months, due))
    return tuple(result)


def _read_applies_to(fields: Fields, vocabulary):
    tables = fields.get("applies_to")
    tables = [tables] if isinstance(tables, dict) else tables
    if not isinstance(tables, list) or not tables:
        raise fields.error("applies_to", "expected a table, or [[requirement.applies_to]] tables")
    result = []
    for index, table in enumerate(tables):
        name = "applies_to" if len(tables) == 1 else f"applies_to[{index}]"
        who = Fields(table, fields.path, item=fields.item, prefix=name + ".")
        result.append(
            AppliesTo(
                body_types=who.slugs("body_types", BODY_TYPES),
                offices=who.texts("offices"),
                conditions=who.slugs("conditions", tuple(vocabulary.conditions), required=False),
            )
        )
        who.done()
    return tuple(result)


def _read_requirement(table, path, state, vocabulary) -> Requirement:
    raw_id = table.get("id") if isinstance(table, dict) else None
    fields = Fields(table, path, item=f"requirement {raw_id!r}" if raw_id else "requirement")
    req_id = fields.text("id")
    if not SLUG.match(req_id) or not req_id.startswith(state.lower() + "-"):
        raise fields.error("id", f"expected a slug starting with '{state.lower()}-'")
    applies_to = _read_applies_to(fields, vocabulary)
    hours = fields.positive_number("hours")
    hours_max = fields.positive_number("hours_max", required=False)
    if hours_max is not None and hours_max < hours:
        raise fields.error("hours_max", "is less than hours")
    requirement = Requirement(
        id=req_id,
        state=state,
        title=fields.text("title"),
        applies_to=applies_to,
        hours=hours,
        hours_max=hours_max,
        topics=fields.slugs("topics", tuple(vocabulary.topics)),
        window=_read_window(fields.sub("window")),
        providers=fields.text("providers"),
        notes=fields.text("notes", required=False),
        record_keeping=fields.text("record_keeping", required=False),
        provenance=read_provenance(fields),
    )
    fields.done()
    return requirement


def read_requirements_file(path, vocabulary) -> tuple[Requirement, ...]:
    fields = Fields(read_toml(path), path)
    state = fields.text("state")
    if state != Path(path).stem:
        raise fields.error("state", f"expected {Path(path).stem!r}, as the file name says")
    tables = fields.get("requirement")
    if not isinstance(tables, list) or not tables:
        raise fields.error("requirement", "expected one or more [[requirement]] tables")
    fields.done()
    return tuple(_read_requirement(table, path, state, vocabulary) for table in tables)


@functools.cache
def load_requirements(rules_dir=RULES_DIR) -> dict[str, tuple[Requirement, ...]]:
    """Every state's requirements, validated; cached per process (a failure is not cached)."""
    rules_dir = Path(rules_dir)
    vocabulary = read_vocabulary(rules_dir / "vocabulary.toml")
    by_state, seen = {}, {}
    for path in rule_files(rules_dir / "requirements"):
        by_state[path.stem] = read_requirements_file(path, vocabulary)
        for requirement in by_state[path.stem]:
            if requirement.id in seen:
                raise RuleFileError(
                    path,
                    f"also defined in {seen[requirement.id]}",
                    item=f"requirement {requirement.id!r}",
                    field="id",
                )
            seen[requirement.id] = path.name
    return by_state


def requirements_for(*, state, body_type, office="", conditions=(), rules_dir=RULES_DIR):
    """The requirements of `state` that bind a member of a `body_type` body."""
    return [
        requirement
        for requirement in load_requirements(rules_dir).get(state, ())
        if requirement.applies(body_type=body_type, office=office, conditions=conditions)
    ]
