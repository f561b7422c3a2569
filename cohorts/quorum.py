"""The quorum guard's arithmetic: does a gathering of one body's members reach the number
at which the state's open-meetings law makes it a meeting?

The threshold for a body of `seats` members, by the rule's kind:

- fixed_count: the rule's count, whatever the body's size (Florida: 2).
- majority: more than half the seats, seats // 2 + 1 (California, North Carolina: 3 of 5).
- quorum: the body's quorum, a majority of the seats unless the caller passes the number
  its law, rules or charter set (Texas: 3 of 5).
- quorum_or_blocking_minority (Wisconsin, Showers): the smaller of the quorum and the
  fewest members able to block action, either by staying away so the others cannot make
  a quorum (seats - quorum + 1) or, for a matter that needs `votes_needed` affirmative
  votes of the full membership (a two-thirds vote, say), by voting no
  (seats - votes_needed + 1). With a majority quorum the first is ceil(seats / 2), which is
  also §19.82(2)'s "one-half or more of the members" presumption: 3 of 5, 2 of 4, 3 of 6,
  4 of 7. Showers' 11 commissioners needing 8 votes are blocked by 4.

Members are counted whatever their role in the gathering; whether an exception applies
(a conference, a workshop, a social event) is for people to judge: the result carries the
rule's exceptions and a suggestion to show them.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class GatheringCheck:
    state: str
    law: str
    kind: str
    seats: int
    present: int
    threshold: int
    reached: bool
    arithmetic: str  # how the threshold was found, in words
    rule: str
    exceptions: str
    suggestion: str
    citation: str
    source_url: str


def meeting_threshold(rule, *, seats, quorum=None, votes_needed=None):
    """(threshold, arithmetic): how many of the body's members present make a meeting."""
    _check_count("seats", seats, 1, None)
    _check_count("quorum", quorum, 1, seats)
    _check_count("votes_needed", votes_needed, 1, seats)
    majority = seats // 2 + 1
    if rule.kind == "fixed_count":
        return rule.count, _("%(count)s members of the same body, whatever its size") % {
            "count": rule.count}
    if rule.kind == "majority":
        return majority, _("a majority of %(seats)s seats is %(majority)s") % {
            "seats": seats, "majority": majority}
    quorum_text = (
        _("a quorum of %(quorum)s (set for this body)") % {"quorum": quorum}
        if quorum
        else _("a quorum, a majority of %(seats)s seats, of %(majority)s") % {
            "seats": seats, "majority": majority}
    )
    quorum = quorum or majority
    if rule.kind == "quorum":
        return quorum, quorum_text
    by_absence = seats - quorum + 1
    blocking = [(by_absence, _("%(count)s staying away leave the others short of a "
                               "quorum") % {"count": by_absence})]
    if votes_needed:
        by_vote = seats - votes_needed + 1
        blocking.append((by_vote, _("%(count)s voting no defeat a %(votes)s-vote matter") % {
            "count": by_vote, "votes": votes_needed}))
    fewest, how = min(blocking)
    if fewest < quorum:
        return fewest, _("%(quorum)s; a blocking minority is smaller: %(how)s") % {
            "quorum": quorum_text, "how": how}
    return quorum, _("%(quorum)s; no smaller group can block action (%(how)s)") % {
        "quorum": quorum_text, "how": how}


def check_gathering(rule, *, seats, present, quorum=None, votes_needed=None) -> GatheringCheck:
    """Whether `present` members of a `seats`-member body in one gathering reach the rule's
    threshold. `quorum` and `votes_needed` (affirmative votes of the full membership a
    matter needs) default to a simple majority."""
    threshold, arithmetic = meeting_threshold(
        rule, seats=seats, quorum=quorum, votes_needed=votes_needed
    )
    _check_count("present", present, 0, seats)
    return GatheringCheck(
        state=rule.state,
        law=rule.law,
        kind=rule.kind,
        seats=seats,
        present=present,
        threshold=threshold,
        reached=present >= threshold,
        arithmetic=arithmetic,
        rule=rule.rule,
        exceptions=rule.exceptions,
        suggestion=rule.suggestion,
        citation=rule.provenance.citation,
        source_url=rule.provenance.source_url,
    )


def _check_count(name, value, low, high):
    if value is None and name not in ("seats", "present"):
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ValueError(f"{name} must be a whole number of at least {low}, not {value!r}")
    if high is not None and value > high:
        raise ValueError(f"{name} ({value}) cannot exceed the body's {high} seats")
