"""The attendance sheet's rows, rendered in Python: the sheet lists every learner (a
facilitator marks 400 people on one page, with search and "mark all"), and a Django
template per row cost most of its time (16,000 variable look-ups, a URL reversal per row).
One function renders a row, for the whole sheet and for the row htmx saves in place.
Every value from a person (names, notes, errors) goes through `escape`."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from academy.times import in_zone

from ..models import AttendanceSource, AttendanceStatus

# How a mark was given, said with its status and time ("Present, checked in at 7:02 PM").
SOURCES = {
    AttendanceSource.SELF_CHECK_IN: gettext_lazy("%(status)s, checked in at %(time)s"),
    AttendanceSource.IMPORT: gettext_lazy("%(status)s, from the meeting report at %(time)s"),
}


class Wording:
    """The sheet's words in the active language, translated once for all its rows (a
    translation per radio button and per row was a third of a 400-row sheet's time), and
    the times marks were given, formatted once per minute shown."""

    def __init__(self, tz):
        self.tz = tz
        self.statuses = [(value, str(label)) for value, label in AttendanceStatus.choices]
        self.labels = dict(self.statuses)
        self.sources = {source: str(text) for source, text in SOURCES.items()}
        self.not_marked = _("Not marked")
        self.by = _("%(status)s, by %(name)s at %(time)s")
        self.at = _("%(status)s at %(time)s")
        self.saved = _("<strong>Saved</strong>: %(mark)s")
        self.not_saved = _("<strong>Not saved:</strong> %(error)s")
        self.legend = _("Attendance of %(name)s")
        self.note_label = _("Note for %(name)s")
        self._times = {}

    def time(self, value) -> str:
        minute = value.replace(second=0, microsecond=0)
        shown = self._times.get(minute)
        if shown is None:
            shown = self._times[minute] = in_zone(value, self.tz, "time")
        return shown


def saved_text(mark, words: Wording, just_saved=False, error="") -> str:
    if error:
        said = words.not_saved % {"error": escape(error)}
        return f'<span class="text-danger">{said}</span>'
    if mark is None:
        return words.not_marked
    values = {"status": words.labels.get(mark.status) or escape(mark.status),
              "time": words.time(mark.marked_at)}
    if mark.source in words.sources:
        text = words.sources[mark.source] % values
    elif mark.marked_by_id:
        text = words.by % {**values, "name": escape(mark.marked_by.display_name)}
    else:
        text = words.at % values
    return words.saved % {"mark": text} if just_saved else text


def sheet_row(e, row_url, tz, just_saved=False, error="", words=None) -> str:
    """One learner's row: name, four radio buttons, a note, what is saved."""
    words = words or Wording(tz)
    pk, name = e.pk, escape(e.user.display_name)
    mark = getattr(e, "mark", None)
    checked = mark.status if mark else None
    posted = getattr(e, "posted", None)  # what was typed, on a sheet sent back with errors
    if posted is not None:
        checked = posted[0]
    error = error or getattr(e, "problem", "")
    radios = "".join(
        f'<div class="form-check form-check-inline"><input class="form-check-input" '
        f'type="radio" name="status-{pk}" id="st-{pk}-{value}" value="{value}"'
        f'{" checked" if checked == value else ""}><label class="form-check-label" '
        f'for="st-{pk}-{value}">{label}</label></div>'
        for value, label in words.statuses
    )
    pronouns = (f' <span class="fw-normal small">({escape(e.user.pronouns)})</span>'
                if e.user.pronouns else "")
    search = escape(f"{e.user.display_name} {e.user.email}".lower())
    note = escape(mark.note) if mark else ""
    if posted is not None:
        note = escape(posted[1])
    legend = words.legend % {"name": name}
    note_label = words.note_label % {"name": name}
    return (
        f'<tr id="row-{pk}" data-name="{search}" hx-post="{row_url}{pk}/" hx-trigger="change" '
        f'hx-include="#row-{pk}" hx-target="this" hx-swap="outerHTML">'
        f'<th scope="row">{name}{pronouns}</th>'
        f'<td><fieldset><legend class="visually-hidden">{legend}</legend>{radios}'
        f'</fieldset></td>'
        f'<td><label class="visually-hidden" for="note-{pk}">{note_label}</label>'
        f'<input class="form-control form-control-sm" type="text" maxlength="500" '
        f'name="note-{pk}" id="note-{pk}" value="{note}"></td>'
        f'<td class="small" role="status">{saved_text(mark, words, just_saved, error)}</td></tr>'
    )


def sheet_rows(rows, row_url, tz):
    words = Wording(tz)
    return mark_safe("".join(sheet_row(e, row_url, tz, words=words) for e in rows))
