"""Rule files: law or policy kept as TOML data with a source, validated at start-up.

DESIGN.md: "Rules that are law or policy (state training requirements, open-meetings
thresholds) are data files with a source and a last-verified date, validated at
start-up." certificates (training requirements) and cohorts (open-meetings thresholds)
each own their schema; this module holds what they share: reading a file, a field
reader whose every error names the file, the item and the field, the provenance block
every file carries, and the wrapper that turns a broken file into a Django system
check error. It imports no app code (academy sits below every app).
"""

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core import checks

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# The values of academy.models.JurisdictionType (a test keeps the two in step).
BODY_TYPES = ("city", "county", "school_board", "township", "tribal", "state", "other")
STATE_CODE = re.compile(r"^[A-Z]{2}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class RuleFileError(ValueError):
    """A rule file that does not match its schema; the message names file, item, field."""

    def __init__(self, path, message, *, item=None, field=None):
        self.path, self.item, self.field = display_path(path), item, field
        where = self.path
        if item:
            where += f": {item}"
        if field:
            where += f" field '{field}'" if item else f": field '{field}'"
        super().__init__(f"{where}: {message}")


def display_path(path) -> str:
    """The path relative to the project root when it lies inside it (shorter messages)."""
    path = Path(path)
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def read_toml(path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(path, f"not valid TOML ({exc})") from exc


class Fields:
    """Reads the fields of one TOML table; `done()` rejects the fields nobody read.

    `item` names the entry in messages ("requirement 'tx-open-meetings'"), `prefix` the
    nested table ("window."), so an error reads "TX.toml: requirement 'x' field
    'window.days': expected a whole number of at least 1".
    """

    def __init__(self, table, path, *, item=None, prefix=""):
        if not isinstance(table, dict):
            raise RuleFileError(
                path, "expected a table", item=item, field=prefix.rstrip(".") or None
            )
        self.table, self.path, self.item, self.prefix = table, path, item, prefix
        self.seen = set()

    def error(self, name, message) -> RuleFileError:
        return RuleFileError(self.path, message, item=self.item, field=self.prefix + name)

    def get(self, name, *, required=True):
        self.seen.add(name)
        if name not in self.table:
            if required:
                raise self.error(name, "missing")
            return None
        return self.table[name]

    def text(self, name, *, required=True):
        value = self.get(name, required=required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(name, "expected non-empty text")
        return " ".join(value.split())

    def url(self, name):
        value = self.text(name)
        if not re.match(r"^https?://\S+$", value):
            raise self.error(name, "expected an http(s) URL")
        return value

    def positive_number(self, name, *, required=True):
        value = self.get(name, required=required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise self.error(name, "expected a positive number")
        return Decimal(str(value))

    def whole_number(self, name, *, required=True, minimum=1):
        value = self.get(name, required=required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.error(name, f"expected a whole number of at least {minimum}")
        return value

    def day(self, name, *, required=True):
        value = self.get(name, required=required)
        if value is None:
            return None
        if not isinstance(value, date) or hasattr(value, "hour"):
            raise self.error(name, "expected a date such as 2026-01-31 (TOML date, no quotes)")
        return value

    def choice(self, name, choices, *, required=True):
        value = self.get(name, required=required)
        if value is None:
            return None
        if value not in choices:
            raise self.error(name, f"expected one of {', '.join(choices)}")
        return value

    def slugs(self, name, vocabulary, *, required=True, allow_empty=False):
        value = self.get(name, required=required)
        if value is None:
            return ()
        if not isinstance(value, list) or (not value and not allow_empty):
            raise self.error(
                name, "expected a list" if allow_empty else "expected a non-empty list"
            )
        for slug in value:
            if slug not in vocabulary:
                raise self.error(name, f"unknown value {slug!r} (known: {', '.join(vocabulary)})")
        if len(set(value)) != len(value):
            raise self.error(name, "lists a value twice")
        return tuple(value)

    def texts(self, name):
        value = self.get(name, required=False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(name, "expected a list of non-empty texts")
        return tuple(" ".join(v.casefold().split()) for v in value)

    def sub(self, name, *, item=None):
        return Fields(
            self.get(name), self.path, item=item or self.item, prefix=self.prefix + name + "."
        )

    def done(self):
        unknown = sorted(set(self.table) - self.seen)
        if unknown:
            raise self.error(
                unknown[0], "unknown field (misspelt, or not used by this kind of rule)"
            )


@dataclass(frozen=True)
class Provenance:
    """Where a rule comes from and how far it was checked.

    Either `last_verified` (the date someone read the source) with `verified_against`
    (what was read), or, for a rule nobody has checked yet, `taken_from` with `taken_on`
    ("the issue text", 2026-11-25). Never both: a date is only claimed for a check made.
    """

    citation: str
    source_url: str
    last_verified: date | None = None
    verified_against: str | None = None
    taken_from: str | None = None
    taken_on: date | None = None


def read_provenance(fields: Fields) -> Provenance:
    citation, source_url = fields.text("citation"), fields.url("source_url")
    verified = fields.day("last_verified", required=False)
    against = fields.text("verified_against", required=False)
    taken_from = fields.text("taken_from", required=False)
    taken_on = fields.day("taken_on", required=False)
    if verified and taken_from:
        raise fields.error("taken_from", "give last_verified or taken_from, not both")
    if verified:
        if not against:
            raise fields.error("verified_against", "missing (say what was read on last_verified)")
        if verified > date.today():
            raise fields.error("last_verified", "is in the future")
    elif taken_from:
        if not taken_on:
            raise fields.error("taken_on", "missing (the date the rule was taken from its source)")
    else:
        raise fields.error("last_verified", "missing (or say taken_from and taken_on)")
    return Provenance(citation, source_url, verified, against, taken_from, taken_on)


def rule_files(directory, *, name_pattern=STATE_CODE):
    """The `<STATE>.toml` files of a folder, sorted; a stray name is an error."""
    directory = Path(directory)
    if not directory.is_dir():
        raise RuleFileError(directory, "folder not found")
    files = sorted(directory.glob("*.toml"))
    for path in files:
        if not name_pattern.match(path.stem):
            raise RuleFileError(path, "file name must be a two-letter state code, e.g. TX.toml")
    return files


def check_rule_files(load, *, check_id):
    """Django system check body: [] when `load()` succeeds, one Error naming the file if not."""
    try:
        load()
    except RuleFileError as exc:
        return [
            checks.Error(str(exc), hint="Fix the rule file; see its folder's README.", id=check_id)
        ]
    return []
