"""What the impact page, its spreadsheets and its PDF show: display values (small counts
suppressed for partners and the public), the tables, and the geometry of the SVG charts
(tile-grid map, bars by jurisdiction type, completions per month). No queries here.

The same `tables()` feed the page, the CSV/XLSX exports and the PDF, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .labels import month_abbreviation, suppressed_label
from .selectors import SMALL_COUNT, ImpactReport, suppressed

# A tile grid of the 50 states and DC (columns, rows); territories follow in a last row.
TILE_GRID = {
    "AK": (0, 0), "ME": (11, 0),
    "WI": (6, 1), "VT": (10, 1), "NH": (11, 1),
    "WA": (1, 2), "ID": (2, 2), "MT": (3, 2), "ND": (4, 2), "MN": (5, 2), "IL": (6, 2),
    "MI": (7, 2), "NY": (9, 2), "MA": (10, 2),
    "OR": (1, 3), "NV": (2, 3), "WY": (3, 3), "SD": (4, 3), "IA": (5, 3), "IN": (6, 3),
    "OH": (7, 3), "PA": (8, 3), "NJ": (9, 3), "CT": (10, 3), "RI": (11, 3),
    "CA": (1, 4), "UT": (2, 4), "CO": (3, 4), "NE": (4, 4), "MO": (5, 4), "KY": (6, 4),
    "WV": (7, 4), "VA": (8, 4), "MD": (9, 4), "DE": (10, 4),
    "AZ": (2, 5), "NM": (3, 5), "KS": (4, 5), "AR": (5, 5), "TN": (6, 5), "NC": (7, 5),
    "SC": (8, 5), "DC": (9, 5),
    "OK": (4, 6), "LA": (5, 6), "MS": (6, 6), "AL": (7, 6), "GA": (8, 6),
    "HI": (0, 7), "TX": (4, 7), "FL": (9, 7),
}
TERRITORY_ROW = 8
TILE, GAP = 44, 4

# Shades of officials trained, light to dark, each with a text colour of at least 4.5:1
# contrast on it (WCAG 2.2 AA); the tile outline (#505a5f) is 3:1 against white.
BUCKETS = [
    # (lowest count, label, fill, text)
    (0, pgettext_lazy("officials trained in a state", "None"), "#f3f2f1", "#0b0c0c"),
    (1, _("1 to 4"), "#deebf7", "#0b0c0c"),
    (5, _("5 to 19"), "#9ecae1", "#0b0c0c"),
    (20, _("20 to 49"), "#4292c6", "#0b0c0c"),
    (50, _("50 to 99"), "#2171b5", "#ffffff"),
    (100, _("100 or more"), "#08306b", "#ffffff"),
]
SUPPRESSED_BUCKET_LABEL = _("Fewer than 5")


def _fmt_rate(value) -> str:
    return "–" if value is None else f"{value:.1f}%"


def _fmt_hours(value) -> str:
    return f"{value:,.1f}"


def _bucket(count: int):
    chosen = BUCKETS[0]
    for bucket in BUCKETS:
        if count >= bucket[0]:
            chosen = bucket
    return chosen


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: list[tuple[str, str]]  # (key, heading)
    rows: list[dict]

    @property
    def body(self) -> list[list]:
        """The rows as lists of cells, in column order."""
        return [[row[key] for key, _ in self.columns] for row in self.rows]


def headline_items(report: ImpactReport, *, suppress: bool) -> list[tuple[str, str, object]]:
    h = report.headline

    def n(value):
        return suppressed(value, suppress=suppress)

    rate = h.completion_rate
    if suppress and 0 < h.outcomes < SMALL_COUNT:
        rate_text = suppressed_label()
    else:
        rate_text = _fmt_rate(rate)
    return [
        ("officials_trained", gettext("Officials trained"), n(h.officials_trained)),
        ("officials_enrolled", gettext("Officials enrolled"), n(h.officials_enrolled)),
        ("completions", gettext("Course completions"), n(h.completions)),
        ("completion_rate", gettext("Completion rate"), rate_text),
        ("hours", gettext("Hours of instruction"), _fmt_hours(h.hours)),
        ("certificates", gettext("Certificates issued"), n(h.certificates)),
        ("states_reached", gettext("States and territories reached"), h.states_reached),
        ("jurisdictions_reached", gettext("Jurisdictions reached"),
         n(h.jurisdictions_reached)),
    ]


def tables(report: ImpactReport, *, suppress: bool) -> dict[str, Table]:
    """Every table of the report, as shown (and exported)."""

    def n(value):
        return suppressed(value, suppress=suppress)

    course_rows = []
    for row in report.courses:
        hidden = suppress and (0 < row.outcomes < SMALL_COUNT)
        course_rows.append({
            "course": row.title,
            "cohorts": row.cohorts,
            "enrolled": n(row.enrolled),
            "completed": n(row.completed),
            "rate": suppressed_label() if hidden else _fmt_rate(row.rate),
            "hours": _fmt_hours(row.hours),
            "attendance": _fmt_rate(row.average_attendance),
        })
    return {
        "headline": Table(
            "headline", gettext("Headline figures"),
            [("figure", gettext("Figure")), ("value", gettext("Value"))],
            [{"figure": label, "value": value}
             for _, label, value in headline_items(report, suppress=suppress)],
        ),
        "states": Table(
            "states", gettext("Officials trained by state or territory"),
            [("state", gettext("State or territory")), ("code", gettext("Code")),
             ("trained", gettext("Officials trained")), ("completions", gettext("Completions"))],
            [{"state": r.name, "code": r.code, "trained": n(r.trained),
              "completions": n(r.completions)} for r in report.states],
        ),
        "jurisdictions": Table(
            "jurisdictions", gettext("Officials trained by jurisdiction type"),
            [("type", gettext("Jurisdiction type")), ("trained", gettext("Officials trained"))],
            [{"type": r.label, "trained": n(r.trained)} for r in report.jurisdictions],
        ),
        "courses": Table(
            "courses", gettext("Courses"),
            [("course", gettext("Course")), ("cohorts", gettext("Cohorts")),
             ("enrolled", gettext("Officials enrolled")), ("completed", gettext("Completions")),
             ("rate", gettext("Completion rate")), ("hours", gettext("Hours of instruction")),
             ("attendance", gettext("Average attendance"))],
            course_rows,
        ),
        "months": Table(
            "months", gettext("Completions per month"),
            [("month", gettext("Month")), ("completions", gettext("Completions"))],
            [{"month": m.label, "completions": n(m.completions)} for m in report.months],
        ),
    }


def tile_map(report: ImpactReport, *, suppress: bool, link=None) -> dict:
    """The tile-grid map: one labelled tile per state and territory, shaded by officials
    trained, linked to that state's breakdown (`link(code)` gives the URL)."""
    tiles, territory_col = [], 0
    for row in report.states:
        if row.code in TILE_GRID:
            col, line = TILE_GRID[row.code]
        else:
            col, line = territory_col, TERRITORY_ROW
            territory_col += 1
        _, _, fill, text = _bucket(row.trained)
        shown = suppressed(row.trained, suppress=suppress)
        short = "<5" if isinstance(shown, str) else f"{shown:,}"
        tiles.append({
            "code": row.code,
            "name": row.name,
            "x": col * (TILE + GAP),
            "y": line * (TILE + GAP),
            "cx": col * (TILE + GAP) + TILE / 2,
            "fill": fill,
            "text": text,
            "short": short,
            "label": gettext("%(state)s: %(count)s officials trained")
            % {"state": row.name, "count": shown},
            "href": link(row.code) if link else "",
        })
    legend_y = (TERRITORY_ROW + 1) * (TILE + GAP) + 8
    legend = []
    for i, (low, label, fill, _text) in enumerate(BUCKETS):
        if suppress and low == 1:
            label = SUPPRESSED_BUCKET_LABEL
        legend.append({"x": (i % 3) * 176, "y": legend_y + (i // 3) * 26, "fill": fill,
                       "label": str(label)})
    width = 12 * (TILE + GAP)
    return {"tiles": tiles, "legend": legend, "width": width, "height": legend_y + 56,
            "tile": TILE}


def bar_chart(labels_values: list[tuple[str, int, object]], *, width=520) -> dict:
    """Horizontal bars: (label, count, shown value). Bar lengths from the counts; the
    shown value may be "fewer than 5"."""
    label_width, row_height = 170, 30
    biggest = max((count for _, count, _ in labels_values), default=0) or 1
    room = width - label_width - 110
    bars = []
    for i, (label, count, shown) in enumerate(labels_values):
        length = 0 if isinstance(shown, str) else round(room * count / biggest)
        bars.append({
            "label": label, "shown": shown, "y": i * row_height,
            "ty": i * row_height + 19, "x": label_width, "length": length,
            "vx": label_width + length + 6,
        })
    return {"bars": bars, "width": width, "height": len(bars) * row_height + 4,
            "label_x": label_width - 8}


def column_chart(months, *, suppress: bool, width=560) -> dict:
    """Completions per month as columns, labelled with the month and the count."""
    height, base, top = 240, 200, 24
    count = max(len(months), 1)
    step = (width - 40) / count
    biggest = max((m.completions for m in months), default=0) or 1
    columns = []
    for i, m in enumerate(months):
        shown = suppressed(m.completions, suppress=suppress)
        value = 0 if isinstance(shown, str) else m.completions
        h = round((base - top) * value / biggest)
        x = 30 + i * step
        columns.append({
            "x": round(x + step * 0.15, 1), "w": round(step * 0.7, 1), "y": base - h, "h": h,
            "cx": round(x + step / 2, 1), "label": month_abbreviation(m.month),
            "year": m.month.year, "shown": "<5" if isinstance(shown, str) else shown,
            "vy": base - h - 6,
        })
    return {"columns": columns, "width": width, "height": height, "base": base,
            "label_y": base + 18}


def charts(report: ImpactReport, *, suppress: bool, link=None) -> dict:
    return {
        "map": tile_map(report, suppress=suppress, link=link),
        "jurisdictions": bar_chart(
            [(r.label, r.trained, suppressed(r.trained, suppress=suppress))
             for r in report.jurisdictions]
        ),
        "months": column_chart(report.months, suppress=suppress),
    }


PUBLIC_LABELS = {
    "officials_trained": _("officials trained"),
    "completions": _("course completions"),
    "hours": _("hours of instruction"),
    "states_reached": _("states and territories reached"),
    "jurisdictions_reached": _("jurisdictions reached"),
}


def public_figures(report: ImpactReport, names) -> list[dict]:
    """The headline figures staff chose to publish, small counts suppressed."""
    shown = {key: value for key, _, value in headline_items(report, suppress=True)}
    return [{"key": name, "label": str(PUBLIC_LABELS[name]), "value": shown[name]}
            for name in names]
