"""Reading ids typed into forms and query strings: one rule for every view.

`str.isdigit()` says yes to "²" and "١٢" (which `int()` reads, or refuses with a 500), and
a 5,000-digit id overflows the database's integer: an id here is 1 to 18 ASCII digits.
Free text has a bound everywhere: `bounded()` for model fields, `too_long()` in services.
"""

from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _

MAX_ID_DIGITS = 18  # below 2**63, every database's largest integer


def posted_id(value) -> int | None:
    """The id in `value`, or None when it is not one (the caller says what is wrong)."""
    value = str(value or "").strip()
    if not value or len(value) > MAX_ID_DIGITS or not (value.isascii() and value.isdigit()):
        return None
    return int(value)


def bounded(max_length: int, **kwargs) -> dict:
    """The keyword arguments of a bounded free-text model field: `max_length` (the form's
    limit, and its `maxlength` attribute) and the validator that makes `full_clean()` (so
    the admin, and anything that validates the model) refuse more."""
    return {"max_length": max_length, "validators": [MaxLengthValidator(max_length)],
            **kwargs}


def too_long(value: str, limit: int, what: str) -> str:
    """The message for text over its limit ("" when it fits): services refuse with it,
    never cutting the text short."""
    if value and len(value) > limit:
        return _("Please keep %(what)s to %(limit)s characters (it has %(count)s).") % {
            "what": what, "limit": limit, "count": len(value),
        }
    return ""
