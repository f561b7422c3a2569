"""The facilitator dashboard's cohort rows, rendered in Python as the roster's are
(roster_rows.py): with the template, 25 rows cost each a dozen translations, URL
reversals and variable look-ups. The words are translated once per table; every value
staff typed (course and cohort titles) goes through `escape`; times go through `when`,
the one place a time is formatted (academy/templatetags/zones.py)."""

from html import escape

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from academy.templatetags.zones import when

from ..models import CohortStatus

SLUG = "cohort-slug"  # the place of each cohort's slug in the reversed URLs


class CohortWords:
    def __init__(self):
        self.completed = _("%(number)s completed")
        self.enrolled_in = _("enrolled in %(cohort)s")
        self.applicants_to = _("applicants to %(cohort)s")
        self.at_risk_in = _("at risk in %(cohort)s")
        self.cohort_url = reverse("facilitate_cohort", args=[SLUG])
        self.roster_url = reverse("facilitate_roster", args=[SLUG])


def _link(url, number, words, cohort_title):
    hidden = words % {"cohort": cohort_title}
    return f'<a href="{url}">{number}<span class="visually-hidden"> {hidden}</span></a>'


def cohort_row(c, words: CohortWords) -> str:
    slug = escape(c.slug)
    title = escape(c.title)
    cohort_url = words.cohort_url.replace(SLUG, slug)
    roster_url = words.roster_url.replace(SLUG, slug)
    dates = (f'<div class="small fw-normal text-muted">'
             f'{when(c.first_starts_at, c.time_zone, "day")} – '
             f'{when(c.last_ends_at, c.time_zone, "date")}</div>'
             if c.first_starts_at else "")
    if c.status == CohortStatus.FINISHED:
        enrolled = words.completed % {"number": c.completed_count}
    else:
        enrolled = _link(f"{roster_url}?status=enrolled", c.enrolled_count, words.enrolled_in,
                         title)
    pending = (_link(f"{cohort_url}#applicants", c.pending_count, words.applicants_to, title)
               if c.pending_count else "0")
    if c.at_risk is None:
        at_risk = "–"
    elif c.at_risk:
        at_risk = _link(f"{roster_url}?on_track=no", c.at_risk, words.at_risk_in, title)
    else:
        at_risk = "0"
    return (
        f'<tr><th scope="row"><a href="{cohort_url}">{escape(c.course.title)}: {title}</a>'
        f'{dates}</th><td>{escape(c.get_status_display())}</td>'
        f'<td>{when(c.next_starts_at, c.time_zone)}</td><td>{enrolled}</td>'
        f'<td>{c.seats_taken} / {c.capacity}</td><td>{pending}</td>'
        f'<td>{c.waitlist_count}</td><td>{at_risk}</td></tr>'
    )


def cohort_rows(cohorts) -> str:
    words = CohortWords()
    return mark_safe("".join(cohort_row(c, words) for c in cohorts))
