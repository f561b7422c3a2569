"""An official's transcript: every completed course (certificates.selectors), its share
link, and the files (CSV here; the PDF through certificates.rendering)."""

import functools

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .hours.requirements import RULES_DIR, read_vocabulary
from .models import TranscriptLink, new_transcript_token
from .selectors import completed_courses

CSV_HEADER = [  # in the request's language when written
    _("Course"), _("Cohort"), pgettext_lazy("date", "Started"),
    pgettext_lazy("date", "Completed"), _("Completed at"),
    _("Hours attended"), _("Credit hours"), _("Topics"), _("Provider"), _("Certificate"),
    _("Certificate verification"),
]


def transcript_rows(user):
    """The user's completed courses, each with `topic_labels` (the vocabulary's words)."""
    labels = topic_labels()
    rows = completed_courses([user.pk]).get(user.pk, [])
    for row in rows:
        row.extra["topic_labels"] = [gettext(labels.get(t, t)) for t in row.topics]
    return rows


# The vocabulary's topic words (rules/vocabulary.toml), listed here so that they are
# translated: a transcript shows them in the reader's language (a word added there and
# not here shows as written; tests/certificates/test_spanish.py checks the list).
TOPIC_WORDS = (
    gettext_noop("Ethics, conflicts of interest and standards of conduct"),
    gettext_noop("Open meetings"),
    gettext_noop("Public records"),
    gettext_noop("Duties of county commissioners"),
    gettext_noop("Public school law"),
    gettext_noop("Public school finance"),
    gettext_noop("Duties and responsibilities of the board"),
)


@functools.cache
def topic_labels() -> dict:
    return dict(read_vocabulary(RULES_DIR / "vocabulary.toml").topics)


def transcript_link_for(user) -> TranscriptLink:
    link, _created = TranscriptLink.objects.get_or_create(user=user)
    return link


def transcript_link_reset(*, user) -> TranscriptLink:
    link = transcript_link_for(user)
    link.token = new_transcript_token()
    link.save(update_fields=["token"])
    return link


def transcript_share_url(link) -> str:
    return settings.SITE_URL + reverse("transcript_shared", args=[link.token])


def certificate_url(code) -> str:
    return settings.SITE_URL + reverse("certificate_verify", args=[code]) if code else ""


def transcript_csv_rows(rows):
    for row in rows:
        yield [
            row.course_title, row.cohort_title,
            row.start_date.isoformat() if row.start_date else "",
            row.completed_on.isoformat(), row.completed_at.isoformat(timespec="seconds"),
            row.hours_attended, row.credit_hours,
            "; ".join(row.topics), "; ".join(row.providers), row.certificate_code or "",
            certificate_url(row.certificate_code),
        ]
