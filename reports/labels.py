"""How the impact report names things, in the reader's language: states and territories,
months, dates, and the "fewer than 5" of suppressed counts."""

from datetime import date

from django.utils.translation import gettext, gettext_noop, pgettext_lazy

from academy.choices import USState

SUPPRESSED_LABEL = gettext_noop("fewer than 5")  # shown through gettext: suppressed_label()

# 50 states, DC and the territories (academy/data/us_states.toml), their names translated
# where Spanish has its own (academy.choices marks them).
STATES = USState.choices
STATE_NAMES = dict(STATES)

# Month abbreviations of the tables, charts and titles ("Mar 2026"; Spanish "mar. 2026").
MONTH_ABBREVIATIONS = {
    1: pgettext_lazy("abbreviated month", "Jan"), 2: pgettext_lazy("abbreviated month", "Feb"),
    3: pgettext_lazy("abbreviated month", "Mar"), 4: pgettext_lazy("abbreviated month", "Apr"),
    5: pgettext_lazy("abbreviated month", "May"), 6: pgettext_lazy("abbreviated month", "Jun"),
    7: pgettext_lazy("abbreviated month", "Jul"), 8: pgettext_lazy("abbreviated month", "Aug"),
    9: pgettext_lazy("abbreviated month", "Sep"), 10: pgettext_lazy("abbreviated month", "Oct"),
    11: pgettext_lazy("abbreviated month", "Nov"), 12: pgettext_lazy("abbreviated month", "Dec"),
}


def suppressed_label() -> str:
    """ "fewer than 5" in the active language."""
    return gettext(SUPPRESSED_LABEL)


def state_name(code: str) -> str:
    """A state's or territory's name in the active language ("" for none)."""
    return str(STATE_NAMES.get(code, ""))


def month_abbreviation(day: date) -> str:
    return str(MONTH_ABBREVIATIONS[day.month])


def short_date(day: date) -> str:
    """ "2 Mar 2026" (Spanish "2 mar. 2026")."""
    return f"{day.day} {month_abbreviation(day)} {day.year}"
