"""Locks for the capacity rules (as pretix's services/locking.py): every service that
counts seats takes the cohort's row lock first, inside its transaction, and waits for it
at most COHORT_LOCK_TIMEOUT_MS. A wait that runs out is "busy, try again" for the
person, never a hang or a 500.

On PostgreSQL concurrent requests queue on the row (`SELECT ... FOR UPDATE` with
`lock_timeout`); on SQLite BEGIN IMMEDIATE (settings) serialises writers, with the
connection's busy timeout as the bound.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction

from ..models import Cohort, Enrollment
from .errors import CohortBusy

LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE for a lock_timeout


def _is_lock_timeout(exc: OperationalError) -> bool:
    cause = exc.__cause__
    if getattr(cause, "sqlstate", None) == LOCK_NOT_AVAILABLE:
        return True
    return "database is locked" in str(exc)


@contextmanager
def cohort_transaction():
    """One transaction for a cohort rule; a lock wait that times out raises CohortBusy."""
    try:
        with transaction.atomic():
            yield
    except OperationalError as exc:
        if _is_lock_timeout(exc):
            raise CohortBusy() from exc
        raise


def lock_cohort(cohort_id) -> Cohort:
    """The cohort's row, locked until the transaction ends (bounded wait)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('lock_timeout', %s, true)",
                [f"{settings.COHORT_LOCK_TIMEOUT_MS}ms"],
            )
    return Cohort.objects.select_related("course").select_for_update(of=("self",)).get(pk=cohort_id)


def lock_enrollment(enrollment_id) -> Enrollment:
    """An enrollment's row, locked (take the cohort's lock first: fixed order)."""
    return (
        Enrollment.objects.select_related("cohort", "user")
        .select_for_update(of=("self",))
        .get(pk=enrollment_id)
    )
