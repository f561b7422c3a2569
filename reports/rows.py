"""The shapes of an impact report (reports.selectors.impact_report): the headline figures
and the rows of its tables, each with the rates it derives from its counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from .labels import month_abbreviation

if TYPE_CHECKING:
    from .selectors import ImpactFilters


@dataclass
class Headline:
    officials_trained: int = 0
    officials_enrolled: int = 0
    completions: int = 0
    outcomes: int = 0  # completed + not completed in the range
    hours: Decimal = Decimal(0)
    certificates: int = 0
    states_reached: int = 0
    jurisdictions_reached: int = 0

    @property
    def completion_rate(self) -> float | None:
        return self.completions * 100 / self.outcomes if self.outcomes else None


@dataclass
class StateRow:
    code: str
    name: str
    trained: int = 0
    completions: int = 0


@dataclass
class JurisdictionRow:
    code: str
    label: str
    trained: int = 0


@dataclass
class CourseRow:
    course_id: int
    title: str
    cohorts: int = 0
    enrolled: int = 0
    completed: int = 0
    outcomes: int = 0
    hours: Decimal = Decimal(0)
    attended: int = 0
    expected: int = 0  # seats x sessions held - excused

    @property
    def rate(self) -> float | None:
        return self.completed * 100 / self.outcomes if self.outcomes else None

    @property
    def average_attendance(self) -> float | None:
        return self.attended * 100 / self.expected if self.expected > 0 else None


@dataclass
class MonthRow:
    month: date  # the first of the month
    completions: int = 0

    @property
    def label(self) -> str:
        return f"{month_abbreviation(self.month)} {self.month.year}"


@dataclass
class ImpactReport:
    filters: ImpactFilters
    headline: Headline
    states: list[StateRow] = field(default_factory=list)
    jurisdictions: list[JurisdictionRow] = field(default_factory=list)
    courses: list[CourseRow] = field(default_factory=list)
    months: list[MonthRow] = field(default_factory=list)
