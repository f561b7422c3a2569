"""Model fields shared by the apps."""

from datetime import UTC, datetime

from django.db import models

# A day inside the ends of Python's calendar: any time between them can be shown in any
# time zone (UTC-12 to UTC+14) without overflowing.
READABLE_FROM = datetime(1, 1, 2, tzinfo=UTC)
READABLE_UNTIL = datetime(9999, 12, 30, tzinfo=UTC)


class ReadableDateTimeField(models.DateTimeField):
    """A DateTimeField whose stored values can always be shown in a time zone.

    Forms and `clean()` keep new values in a sane window (cohorts.models.cohort:
    2000..2100); a row stored before that rule, or written around it, in year 1 or 9999
    used to overflow on every page that converts it to a zone (the .ics, My learning, the
    sessions page, the grid). Read from the database it is pulled to the nearest day
    that converts, so those pages show it (and staff can correct it) instead of answering
    500.
    """

    def from_db_value(self, value, expression, connection):
        if isinstance(value, datetime) and value.tzinfo is not None:
            if value < READABLE_FROM:
                return READABLE_FROM
            if value > READABLE_UNTIL:
                return READABLE_UNTIL
        return value
