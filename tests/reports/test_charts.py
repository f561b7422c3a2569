"""The charts' geometry and colours: every state and territory has its own tile, every
shade keeps its label readable (WCAG 2.2 AA), partners' legends say "Fewer than 5"."""

from datetime import date

from reports.charts import BUCKETS, TILE_GRID, tile_map
from reports.labels import STATES
from reports.selectors import Headline, ImpactFilters, ImpactReport, StateRow


def _luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def report(counts):
    return ImpactReport(
        filters=ImpactFilters(start=date(2026, 1, 1), end=date(2026, 12, 31)),
        headline=Headline(),
        states=[StateRow(code=c, name=n, trained=counts.get(c, 0)) for c, n in STATES],
    )


def test_every_state_dc_and_territory_has_its_own_tile():
    chart = tile_map(report({}), suppress=False)
    assert len(chart["tiles"]) == len(STATES) == 56
    positions = {(t["x"], t["y"]) for t in chart["tiles"]}
    assert len(positions) == len(STATES)  # no two tiles overlap
    assert len(TILE_GRID) == 51  # the 50 states and DC on the grid; territories below


def test_every_shade_keeps_its_label_readable():
    for _, label, fill, text in BUCKETS:
        assert contrast(fill, text) >= 4.5, label
    assert contrast("#505a5f", "#ffffff") >= 3  # tile outlines against the page


def test_tiles_are_shaded_by_count_and_labelled():
    chart = tile_map(report({"IL": 120, "WI": 3}), suppress=False,
                     link=lambda code: f"?state={code}")
    tiles = {t["code"]: t for t in chart["tiles"]}
    assert tiles["IL"]["fill"] == BUCKETS[-1][2] and tiles["IL"]["short"] == "120"
    assert tiles["IL"]["label"] == "Illinois: 120 officials trained"
    assert tiles["IL"]["href"] == "?state=IL"
    assert tiles["WI"]["short"] == "3"


def test_partners_see_fewer_than_5_on_tiles_and_legend():
    chart = tile_map(report({"WI": 3}), suppress=True)
    tiles = {t["code"]: t for t in chart["tiles"]}
    assert tiles["WI"]["short"] == "<5"
    assert tiles["WI"]["label"] == "Wisconsin: fewer than 5 officials trained"
    assert "Fewer than 5" in [item["label"] for item in chart["legend"]]
