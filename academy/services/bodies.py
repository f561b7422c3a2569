"""Bodies and terms: the public bodies an official serves on, and each term's dates.

A body is shared by its members (the quorum guard counts them), found by its name (any
case), type and state. An official who names a body already on file with another number
of seats is told so, and nothing is saved: staff correct a body's seats in the admin.
"""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from academy.models import Body, BodyMembership

EARLIEST_YEAR, LATEST_YEAR = 1950, 2100


class BodyError(Exception):
    """A row that cannot be saved; `index` is its place in what was given."""

    def __init__(self, message, *, index=None, field=None):
        super().__init__(message)
        self.index, self.field = index, field


@dataclass(frozen=True)
class MembershipRow:
    body_name: str
    body_type: str
    state: str
    seats: int
    seat: str = ""
    oath_date: date | None = None
    election_date: date | None = None
    left_on: date | None = None
    compensated: bool = False
    pk: int | None = None  # an existing term of this official
    delete: bool = False


def membership_row_problem(row: MembershipRow) -> tuple[str, str] | None:
    """(field, message) when the row's own values cannot be a term, else None."""
    if not row.body_name.strip():
        return "body_name", _("Give the body's name.")
    if not row.seats or row.seats < 1:
        return "seats", _("A body has at least one seat.")
    for field in ("oath_date", "election_date", "left_on"):
        value = getattr(row, field)
        if value and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            return field, _("Choose a date between %(earliest)s and %(latest)s.") % {
                "earliest": EARLIEST_YEAR, "latest": LATEST_YEAR,
            }
    if not row.oath_date and not row.election_date:
        return "oath_date", _(
            "Give the oath date or the election date (the requirements count from them)."
        )
    start = row.oath_date or row.election_date
    if row.left_on and row.left_on < start:
        return "left_on", _("You cannot leave office before the term starts.")
    return None


def body_find_or_create(*, name, body_type, state, seats) -> Body:
    """The body on file with this name (any case), type and state, or a new one."""
    name = " ".join(name.split())
    same = Body.objects.filter(name__iexact=name, body_type=body_type, state=state)
    body = same.first()
    if body is None:
        try:
            with transaction.atomic():
                body = Body.objects.create(
                    name=name, body_type=body_type, state=state, seats=seats
                )
        except IntegrityError:  # another official named it at the same moment (any case)
            body = same.get()
    if body.seats != seats:
        raise BodyError(
            _(
                "%(body)s is on file with %(seats)s seats. If that is wrong, ask the "
                "academy's staff to correct it; give the same number here to save."
            ) % {"body": body.name, "seats": body.seats},
            field="seats",
        )
    return body


def body_memberships_save(*, user, rows: list[MembershipRow]) -> list[BodyMembership]:
    """Save the official's terms as given (new, changed, deleted), all or nothing."""
    with transaction.atomic():
        existing = {m.pk: m for m in BodyMembership.objects.select_for_update().filter(user=user)}
        saved = []
        for index, row in enumerate(rows):
            if row.pk is not None and row.pk not in existing:
                raise BodyError(
                    _("This term is no longer on file; reload the page."), index=index
                )
            if row.delete:
                if row.pk is not None:
                    existing[row.pk].delete()
                continue
            problem = membership_row_problem(row)
            if problem:
                raise BodyError(problem[1], index=index, field=problem[0])
            try:
                body = body_find_or_create(
                    name=row.body_name, body_type=row.body_type, state=row.state, seats=row.seats
                )
            except BodyError as error:
                error.index = index
                raise
            membership = existing.get(row.pk) or BodyMembership(user=user)
            membership.body = body
            for field in ("seat", "oath_date", "election_date", "left_on", "compensated"):
                setattr(membership, field, getattr(row, field))
            membership.seat = membership.seat.strip()
            membership.save()
            saved.append(membership)
        return saved
