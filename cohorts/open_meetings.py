"""Open-meetings thresholds: the schema of cohorts/rules/open_meetings/<STATE>.toml.

How many members of one public body in the same gathering make it a meeting under the
state's open-meetings law (cohorts/rules/README.md). `load_open_meetings_rules` validates
every file once per process; cohorts/quorum.py does the arithmetic.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

from academy.rulefiles import Fields, Provenance, read_provenance, read_toml, rule_files

RULES_DIR = Path(__file__).resolve().parent / "rules" / "open_meetings"
KINDS = ("fixed_count", "majority", "quorum", "quorum_or_blocking_minority")


@dataclass(frozen=True)
class OpenMeetingsRule:
    state: str
    law: str
    kind: str
    rule: str  # what makes a gathering a meeting, in plain words
    exceptions: str
    suggestion: str  # what to tell a facilitator when the threshold is reached
    provenance: Provenance
    count: int | None = None  # fixed_count only


def read_open_meetings_file(path) -> OpenMeetingsRule:
    fields = Fields(read_toml(path), path)
    state = fields.text("state")
    if state != Path(path).stem:
        raise fields.error("state", f"expected {Path(path).stem!r}, as the file name says")
    kind = fields.choice("kind", KINDS)
    count = fields.whole_number("count", minimum=2) if kind == "fixed_count" else None
    rule = OpenMeetingsRule(
        state=state,
        law=fields.text("law"),
        kind=kind,
        count=count,
        rule=fields.text("rule"),
        exceptions=fields.text("exceptions"),
        suggestion=fields.text("suggestion"),
        provenance=read_provenance(fields),
    )
    fields.done()
    return rule


@functools.cache
def load_open_meetings_rules(rules_dir=RULES_DIR) -> dict[str, OpenMeetingsRule]:
    """Every state's rule, validated; cached per process (a failure is not cached)."""
    return {path.stem: read_open_meetings_file(path) for path in rule_files(rules_dir)}
