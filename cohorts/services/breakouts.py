"""Breakout groups: the facilitator places each seated learner of a session in a group."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import SEAT_STATUSES, BreakoutPlacement, Enrollment
from .errors import AttendanceError

MAX_GROUP_NAME = 60


def breakouts_assign(*, session, actor, groups: dict[int, str]) -> int:
    """Replace the session's groups with `groups` (enrollment pk -> group name; blank: no
    group). Only the cohort's facilitators and staff; only its seated learners."""
    cohort = session.cohort
    if not cohort.is_managed_by(actor):
        raise AttendanceError(
            _("Only the cohort's facilitators and staff assign breakout groups."))
    seated = set(
        Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES)
        .values_list("pk", flat=True)
    )
    placements = []
    for enrollment_id, name in groups.items():
        name = " ".join((name or "").split())
        if not name:
            continue
        if enrollment_id not in seated:
            raise AttendanceError(_("Only learners with a seat in this cohort join a group."))
        if len(name) > MAX_GROUP_NAME:
            raise AttendanceError(_("A group name has at most %(max)s characters.") % {
                "max": MAX_GROUP_NAME})
        placements.append(BreakoutPlacement(session=session, enrollment_id=enrollment_id,
                                            group=name))
    with transaction.atomic():
        BreakoutPlacement.objects.filter(session=session).delete()
        BreakoutPlacement.objects.bulk_create(placements)
    return len(placements)
