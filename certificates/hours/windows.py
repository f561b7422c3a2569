"""Training-hours windows: which hours count, by when, and whether a requirement is met.

Pure arithmetic over one `Requirement` (requirements.py), an official's `TermFacts` and
their `TrainingRecord`s, as of `today`. The windows, per `window.type`:

- days_after_oath: [oath, oath + N days]; `repeat = "once"` from the first oath only,
  "each_oath" one window per oath.
- months_after_election: [election, election + N months] for each election or
  appointment date.
- calendar_year: Jan 1 - Dec 31 of each year from the year service began, or the next
  year when service began after `first_year_cutoff` (Florida's March 31).
- rolling_months: consecutive N-month periods from the first oath, excess hours of a
  period (completed in it, beyond the requirement) carried into the next, capped.
- biennium: every two years. `anchor = "service_start"`: consecutive 24-month periods
  from the first oath. `anchor = "last_completion"`: the first training is due per
  `initial` (months after the service began, or a fixed date), each next one two years
  after the date the previous window was met (the window opens the day after).

Month arithmetic clamps to the month's end: 12 months after 2024-02-29 is 2025-02-28.
Only records dated on or before `today` whose topics share one with the requirement
count. Each record counts in at most one window, whole (never split): a window takes the
records in its range in date order; where two windows overlap (elections less than N
months apart) the earlier one takes records only while it still needs hours. A window
whose deadline passed unmet also takes records up to the next window's start, and is
then met `late` (a past oath or election deadline is cured by training late; contiguous
windows have no such gap). Carried hours count in the next window and not in their own:
hours_counted = completed - carried_out + carried_in, so no hour counts twice.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

DUE_SOON_DAYS = 60
ONE_DAY = timedelta(days=1)
ZERO = Decimal(0)


class State(StrEnum):
    MET = "met"
    OPEN = "open"  # in good standing: hours still needed, due after the due-soon horizon
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    NOT_APPLICABLE = "not_applicable"  # not yet required, or no longer in office
    UNKNOWN = "unknown"  # a date the rule counts from (oath, election) is not on file


@dataclass(frozen=True)
class TrainingRecord:
    completed_on: date
    hours: Decimal | float | int | str
    topics: tuple[str, ...] | frozenset[str]
    provider: str = ""
    key: object = None  # the caller's id for it (a pk); returned as given


@dataclass(frozen=True)
class TermFacts:
    """Dates of one official's service on one body: every oath of office (or assumption
    of duties), every election or appointment, and when they left (None: serving)."""

    oath_dates: tuple[date, ...] = ()
    election_dates: tuple[date, ...] = ()
    left_office: date | None = None


@dataclass(frozen=True)
class WindowResult:
    start: date
    due: date  # the last day to complete the hours (inclusive)
    hours_required: Decimal
    records: tuple[TrainingRecord, ...]
    hours_completed: Decimal  # the hours of `records`
    carried_in: Decimal
    carried_out: Decimal
    met_on: date | None
    late: bool  # met only by hours completed after `due`

    @property
    def hours_counted(self) -> Decimal:
        return self.hours_completed - self.carried_out + self.carried_in

    @property
    def hours_needed(self) -> Decimal:
        return max(ZERO, self.hours_required - self.hours_counted)

    @property
    def met(self) -> bool:
        return self.met_on is not None


@dataclass(frozen=True)
class RequirementStatus:
    requirement: object  # the Requirement
    state: State
    reason: str
    window: WindowResult | None  # the current window
    history: tuple[WindowResult, ...] = ()  # every window, first to current

    @property
    def due(self) -> date | None:
        return self.window.due if self.window else None

    @property
    def hours_needed(self) -> Decimal:
        return self.window.hours_needed if self.window else ZERO


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _day(value: date) -> str:
    """A date in a status's reason: "2026-03-02" (in Spanish "2 de marzo de 2026")."""
    return date_format(value, pgettext("date format: requirement status", "Y-m-d"))


def requirement_status(requirement, facts, records, *, today, due_soon_days=DUE_SOON_DAYS):
    """Where one official stands on one requirement on `today`."""
    spec = requirement.window

    def status(state, reason, history=()):
        return RequirementStatus(
            requirement, state, reason, history[-1] if history else None, tuple(history)
        )

    if facts.left_office and facts.left_office <= today:
        return status(State.NOT_APPLICABLE,
                      _("Left office on %(date)s.") % {"date": _day(facts.left_office)})
    if spec.type == "months_after_election":
        anchors = facts.election_dates
        missing = _("No election or appointment dates on file.")
    else:
        anchors, missing = facts.oath_dates, _("No oath of office date on file.")
    if not anchors:
        return status(State.UNKNOWN, missing)
    anchors = sorted(set(anchors))
    if spec.type != "months_after_election" and spec.repeat == "once":
        anchors = anchors[:1]  # every type but each_oath counts from the first oath
    anchors = [day for day in anchors if day <= today]
    pool = sorted(
        (r for r in records if r.completed_on <= today and set(r.topics) & set(requirement.topics)),
        key=lambda r: r.completed_on,
    )
    if anchors and spec.type == "biennium" and spec.anchor == "last_completion":
        history = _chained(spec, anchors[0], requirement.hours, pool, today)
    else:
        frames = _frames(spec, anchors, today) if anchors else []
        history = _allocate(frames, pool, requirement.hours, spec.carry_forward_max_hours, today)
    if not history:
        return status(State.NOT_APPLICABLE, _("Not required yet."))
    current = history[-1]
    if current.met:
        met = (_("Met on %(date)s (late).") if current.late else _("Met on %(date)s."))
        return status(State.MET, met % {"date": _day(current.met_on)}, history)
    if today > current.due:
        return status(State.OVERDUE, _("Was due by %(date)s.") % {"date": _day(current.due)},
                      history)
    due_by = _("Due by %(date)s.") % {"date": _day(current.due)}
    if (current.due - today).days <= due_soon_days:
        return status(State.DUE_SOON, due_by, history)
    return status(State.OPEN, due_by, history)


def _frames(spec, anchors, today):
    """(start, due) of each window that has started by `today`, in order."""
    if spec.type == "days_after_oath":
        return [(day, day + timedelta(days=spec.days)) for day in anchors]
    if spec.type == "months_after_election":
        return [(day, add_months(day, spec.months)) for day in anchors]
    start = anchors[0]
    if spec.type == "calendar_year":
        first = start.year
        if spec.first_year_cutoff and (start.month, start.day) > spec.first_year_cutoff:
            first += 1
        return [(date(y, 1, 1), date(y, 12, 31)) for y in range(first, today.year + 1)]
    months = spec.months or 24  # rolling_months, or a biennium anchored on service start
    frames, k = [], 0
    while (begin := add_months(start, k * months)) <= today:
        frames.append((begin, add_months(start, (k + 1) * months) - ONE_DAY))
        k += 1
    return frames


def _hours(record):
    hours = Decimal(str(record.hours))
    if hours < 0:
        raise ValueError(f"training record {record.key or record.completed_on}: negative hours")
    return hours


def _result(start, due, required, taken, carried_in, cap):
    """A window from the records it took (date order) and the hours carried into it."""
    completed, running, met_on = ZERO, carried_in, start if carried_in >= required else None
    for record in taken:
        completed += _hours(record)
        running += _hours(record)
        if met_on is None and running >= required:
            met_on = record.completed_on
    carried_out = min(cap, max(ZERO, completed - required))
    late = met_on is not None and met_on > due
    return WindowResult(
        start, due, required, tuple(taken), completed, carried_in, carried_out, met_on, late
    )


def _allocate(frames, pool, required, cap, today):
    used, history, carried = set(), [], ZERO
    for index, (start, due) in enumerate(frames):
        next_start = frames[index + 1][0] if index + 1 < len(frames) else None
        until = today if next_start is None else max(due, next_start - ONE_DAY)
        taken, running = [], carried
        for position, record in enumerate(pool):
            if position in used or not start <= record.completed_on <= until:
                continue
            if running < required or next_start is None or record.completed_on < next_start:
                used.add(position)
                taken.append(record)
                running += _hours(record)
        window = _result(start, due, required, taken, carried, cap)
        history.append(window)
        carried = window.carried_out
    return history


def _chained(spec, service_start, required, pool, today):
    entry = next(
        e
        for e in spec.initial
        if e.service_began_before is None or service_start < e.service_began_before
    )
    start, due = service_start, entry.due or add_months(service_start, entry.months)
    history, position = [], 0
    while start <= today:
        while position < len(pool) and pool[position].completed_on < start:
            position += 1  # before this window: already counted, or too early to count
        taken, running, met_on = [], ZERO, None
        while position < len(pool):
            record = pool[position]
            if met_on is not None and record.completed_on > met_on:
                break
            taken.append(record)
            position += 1
            running += _hours(record)
            if met_on is None and running >= required:
                met_on = record.completed_on
        history.append(_result(start, due, required, taken, ZERO, ZERO))
        if met_on is None:
            break
        start, due = met_on + ONE_DAY, add_months(met_on, 24)
    return history
