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

STATUSES = list(AttendanceStatus.choices)
LABELS = dict(AttendanceStatus.choices)
# How a mark was given, said with its status and time ("Present, checked in at 7:02 PM").
SOURCES = {
    AttendanceSource.SELF_CHECK_IN: gettext_lazy("%(status)s, checked in at %(time)s"),
    AttendanceSource.IMPORT: gettext_lazy("%(status)s, from the meeting report at %(time)s"),
}


def saved_text(mark, tz, just_saved=False, error="") -> str:
    if error:
        said = _("<strong>Not saved:</strong> %(error)s") % {"error": escape(error)}
        return f'<span class="text-danger">{said}</span>'
    if mark is None:
        return _("Not marked")
    values = {"status": LABELS.get(mark.status, escape(mark.status)),
              "time": in_zone(mark.marked_at, tz, "time")}
    if mark.source in SOURCES:
        text = SOURCES[mark.source] % values
    elif mark.marked_by_id:
        text = _("%(status)s, by %(name)s at %(time)s") % {
            **values, "name": escape(mark.marked_by.display_name)}
    else:
        text = _("%(status)s at %(time)s") % values
    return _("<strong>Saved</strong>: %(mark)s") % {"mark": text} if just_saved else text


def sheet_row(e, row_url, tz, just_saved=False, error="") -> str:
    """One learner's row: name, four radio buttons, a note, what is saved."""
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
        for value, label in STATUSES
    )
    pronouns = (f' <span class="fw-normal small">({escape(e.user.pronouns)})</span>'
                if e.user.pronouns else "")
    search = escape(f"{e.user.display_name} {e.user.email}".lower())
    note = escape(mark.note) if mark else ""
    if posted is not None:
        note = escape(posted[1])
    legend = _("Attendance of %(name)s") % {"name": name}
    note_label = _("Note for %(name)s") % {"name": name}
    return (
        f'<tr id="row-{pk}" data-name="{search}" hx-post="{row_url}{pk}/" hx-trigger="change" '
        f'hx-include="#row-{pk}" hx-target="this" hx-swap="outerHTML">'
        f'<th scope="row">{name}{pronouns}</th>'
        f'<td><fieldset><legend class="visually-hidden">{legend}</legend>{radios}'
        f'</fieldset></td>'
        f'<td><label class="visually-hidden" for="note-{pk}">{note_label}</label>'
        f'<input class="form-control form-control-sm" type="text" maxlength="500" '
        f'name="note-{pk}" id="note-{pk}" value="{note}"></td>'
        f'<td class="small" role="status">{saved_text(mark, tz, just_saved, error)}</td></tr>'
    )


def sheet_rows(rows, row_url, tz):
    return mark_safe("".join(sheet_row(e, row_url, tz) for e in rows))
