"""The quorum guard on facilitator pages: in one gathering (a cohort's enrolled learners,
the learners checked in to one session, one breakout group), how many members of one
public body are there, and does that reach the number at which the body's state's
open-meetings law makes it a meeting (cohorts/quorum.py, cohorts/rules/open_meetings/)?

Each gathering costs no query of its own: every learner's current terms are read once.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.models import BodyMembership

from .models import ATTENDED_STATUSES, SEAT_STATUSES, Attendance, BreakoutPlacement, Enrollment
from .open_meetings import load_open_meetings_rules
from .quorum import GatheringCheck, check_gathering


@dataclass(frozen=True)
class QuorumWarning:
    gathering: str  # "enrolled in this cohort", "checked in to Session 2", "breakout group A"
    body: object
    members: tuple  # the users, by name
    check: GatheringCheck


def _current_terms(user_ids):
    """`user_ids`: a collection, or a query of ids (the database reads it in place)."""
    today = timezone.localdate()
    by_user = defaultdict(set)
    terms = (
        BodyMembership.objects.filter(
            user_id__in=user_ids if isinstance(user_ids, QuerySet) else list(user_ids))
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=today))
        .select_related("body", "user")
    )
    bodies, users = {}, {}
    for term in terms:
        by_user[term.user_id].add(term.body_id)
        bodies[term.body_id] = term.body
        users[term.user_id] = term.user
    return by_user, bodies, users


def quorum_warnings(gatherings: dict[str, set[int]]) -> list[QuorumWarning]:
    """Warnings for every gathering (label: user ids) that reaches one body's threshold."""
    everyone = set().union(*gatherings.values()) if gatherings else set()
    if not everyone:
        return []
    return _warnings(gatherings, *_current_terms(everyone))


def _warnings(gatherings, by_user, bodies, users) -> list[QuorumWarning]:
    rules = load_open_meetings_rules()
    warnings = []
    for label, user_ids in gatherings.items():
        members = defaultdict(list)
        for user_id in user_ids:
            for body_id in by_user.get(user_id, ()):
                members[body_id].append(users[user_id])
        for body_id, people in members.items():
            body = bodies[body_id]
            rule = rules.get(body.state)
            if rule is None or len(people) < 2:
                continue
            quorum = body.quorum if body.quorum and body.quorum <= body.seats else None
            check = check_gathering(
                rule, seats=body.seats, present=min(len(people), body.seats), quorum=quorum
            )
            if check.reached:
                people.sort(key=lambda u: (u.last_name, u.first_name, u.pk))
                warnings.append(QuorumWarning(label, body, tuple(people), check))
    return warnings


def cohort_quorum_warnings(cohort) -> list[QuorumWarning]:
    """The cohort's seated learners, as one gathering (one query: only those who hold a
    seat on a body can make a quorum)."""
    seated = Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES).values("user_id")
    by_user, bodies, users = _current_terms(seated)
    return _warnings({_("enrolled in this cohort"): set(by_user)}, by_user, bodies, users)


def session_quorum_warnings(session) -> list[QuorumWarning]:
    """The learners checked in to (or marked present at) the session, and each of its
    breakout groups."""
    gatherings = {
        _("checked in to %(session)s") % {"session": session.title}: set(
            Attendance.objects.filter(session=session, status__in=ATTENDED_STATUSES)
            .values_list("enrollment__user_id", flat=True)
        )
    }
    for group, user_id in BreakoutPlacement.objects.filter(session=session).values_list(
        "group", "enrollment__user_id"
    ):
        gatherings.setdefault(_("breakout group “%(group)s”") % {"group": group},
                              set()).add(user_id)
    return quorum_warnings(gatherings)
