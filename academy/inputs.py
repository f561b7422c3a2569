"""Reading ids typed into forms and query strings: one rule for every view.

`str.isdigit()` says yes to "²" and "١٢" (which `int()` reads, or refuses with a 500), and
a 5,000-digit id overflows the database's integer: an id here is 1 to 18 ASCII digits.
"""

MAX_ID_DIGITS = 18  # below 2**63, every database's largest integer


def posted_id(value) -> int | None:
    """The id in `value`, or None when it is not one (the caller says what is wrong)."""
    value = str(value or "").strip()
    if not value or len(value) > MAX_ID_DIGITS or not (value.isascii() and value.isdigit()):
        return None
    return int(value)
