"""From a parsed report to the attendance a facilitator confirms: matching participants
to learners and proposing a status for each."""

import re
from datetime import datetime

from ..models import AttendanceStatus
from .values import Participant, normalise_name

# --- proposal ---------------------------------------------------------------------------

def propose_status(participant, session, min_share_percent) -> str:
    length = (session.ends_at - session.starts_at).total_seconds() / 60
    if participant.minutes * 100 < min_share_percent * length:
        return AttendanceStatus.ABSENT
    return session.arrival_status(participant.first_join)


def match(participants, enrollments):
    """[(participant, enrollment or None, "email" | "name" | "")]: by email, then by name.

    A name shared by two learners matches neither (the facilitator decides). Several rows
    may match one learner (two devices); the caller merges them.
    """
    by_email = {e.user.email.lower(): e for e in enrollments}
    by_name: dict[str, list] = {}
    for e in enrollments:
        names = {normalise_name(e.user.full_name), normalise_name(e.user.display_name)}
        for name in names - {""}:
            by_name.setdefault(name, []).append(e)
    result = []
    for p in participants:
        e = by_email.get(p.email)
        how = "email" if e else ""
        if e is None:
            candidates = by_name.get(normalise_name(p.name), [])
            if not candidates:
                inner = re.findall(r"\(([^)]*)\)", p.name)  # Zoom: "Renamed (Original Name)"
                for alt in inner:
                    candidates = by_name.get(normalise_name(alt), [])
                    if candidates:
                        break
            if len({c.pk for c in candidates}) == 1:
                e, how = candidates[0], "name"
        result.append((p, e, how))
    return result



# --- the proposal the facilitator confirms (kept in a signed hidden field) ---------------

def build_proposal(report, session, enrollments, min_share_percent) -> dict:
    """A JSON-able proposal: the report's rows, the automatic matches, proposed statuses."""
    rows, auto = [], {}
    for i, (p, e, how) in enumerate(match(report.participants, enrollments)):
        rows.append({
            "name": p.name, "email": p.email, "minutes": round(p.minutes, 2),
            "first_join": p.first_join.isoformat() if p.first_join else None,
        })
        if e is not None:
            auto[str(i)] = [e.pk, how]
    proposal = {"session": session.pk, "share": min_share_percent, "kind": report.kind,
                "rows": rows, "auto": auto}
    proposal["proposed"] = statuses(proposal, {}, session, [e.pk for e in enrollments])
    return proposal


def statuses(proposal, hand_matches, session, enrollment_ids) -> dict[str, str]:
    """{enrollment_id (str): status}: rows merged per learner (minutes summed, earliest join);
    learners in no row are absent. `hand_matches`: {row index (str): enrollment_id}."""
    owners = {k: v[0] for k, v in proposal["auto"].items()}
    owners.update({str(k): int(v) for k, v in hand_matches.items() if v})
    merged: dict[int, Participant] = {}
    for index, enrollment_id in owners.items():
        row = proposal["rows"][int(index)]
        p = merged.setdefault(enrollment_id, Participant(name=row["name"]))
        joined = datetime.fromisoformat(row["first_join"]) if row["first_join"] else None
        p.add(row["minutes"], joined)
    result = {}
    for enrollment_id in enrollment_ids:
        p = merged.get(enrollment_id)
        result[str(enrollment_id)] = (
            propose_status(p, session, proposal["share"]) if p else AttendanceStatus.ABSENT
        )
    return result
