"""Attendance for facilitators: sessions, the attendance sheet, the grid, the attendance
export and the live check-in screen. Every page costs the same number of queries whatever
the size of the roster (tests/cohorts/test_query_counts.py)."""

from collections import Counter

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext
from django.views import View
from django.views.generic import TemplateView

from academy.exports import csv_response
from academy.models import User

from ..models import ATTENDED_STATUSES, SEAT_STATUSES, Attendance, AttendanceStatus, Enrollment
from ..progress import BY_NAME, cohort_attendance, seated_enrollments, seats
from ..qr import check_in_url, qr_svg
from ..quorum_guard import session_quorum_warnings
from ..services import (
    AttendanceError,
    SheetError,
    attendance_mark_all_present,
    attendance_record,
    attendance_record_sheet,
)
from ..services.attendance import MAX_NOTE
from .facilitate import FacilitatorCohortMixin, SessionMixin
from .paging import paginate
from .sheet_rows import sheet_row, sheet_rows

STATUS_CHOICES = list(AttendanceStatus.choices)


def _with_totals(book):
    """The sessions of a CohortAttendance with `held`, `rate`, `attended`, `unmarked`."""
    for s in book.sessions:
        totals = book.totals[s.pk]
        s.held, s.rate = totals.held, totals.rate
        s.attended, s.unmarked, s.marked = totals.attended, totals.unmarked, totals.marked
    return book.sessions


class SessionListView(FacilitatorCohortMixin, TemplateView):
    template_name = "cohorts/facilitate_sessions.html"

    def get_context_data(self, **kwargs):
        book = cohort_attendance(self.cohort)
        return super().get_context_data(
            sessions=_with_totals(book), seated=len(book.enrollments), now=timezone.now(),
            **kwargs,
        )


class SessionDetailView(SessionMixin, TemplateView):
    """The session's check-in code, QR code and links to the sheet, live screen, import."""

    template_name = "cohorts/facilitate_session.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            qr=qr_svg(self.session), check_in_url=check_in_url(self.session),
            quorum_warnings=session_quorum_warnings(self.session), **kwargs
        )


class LivePartialView(SessionMixin, TemplateView):
    """Who has checked in so far (polled by htmx on the live screen)."""

    template_name = "cohorts/includes/live_checked_in.html"

    def get_context_data(self, **kwargs):
        checked_in = list(
            Attendance.objects.filter(session=self.session, status__in=ATTENDED_STATUSES)
            .select_related("enrollment__user")
            .order_by("-marked_at", "-pk")
        )
        seated = Enrollment.objects.filter(cohort=self.cohort, status__in=SEAT_STATUSES).count()
        return super().get_context_data(checked_in=checked_in, seated=seated, **kwargs)


class LiveView(LivePartialView):
    """Projected during the session: QR and code beside who has checked in."""

    template_name = "cohorts/facilitate_live.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            qr=qr_svg(self.session, scale=10), check_in_url=check_in_url(self.session), **kwargs
        )


class _Person:
    """What a sheet row shows of a learner, named by User's own rules (its properties)."""

    __slots__ = ("first_name", "last_name", "preferred_name", "email", "pronouns")
    full_name = User.full_name
    display_name = User.display_name

    def __init__(self, first_name, last_name, preferred_name, email, pronouns):
        self.first_name, self.last_name = first_name, last_name
        self.preferred_name, self.email, self.pronouns = preferred_name, email, pronouns


class _Seat:
    """A row of the sheet as shown (GET): no model instances for 400 learners."""

    __slots__ = ("pk", "user", "mark")

    def __init__(self, pk, user):
        self.pk, self.user, self.mark = pk, user, None


def _sheet_seats(cohort):
    """The seated learners, by name, as light rows (one query, tuples)."""
    return [
        _Seat(pk, _Person(*names)) for pk, *names in
        Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES).order_by(*BY_NAME)
        .values_list("pk", "user__first_name", "user__last_name", "user__preferred_name",
                     "user__email", "user__pronouns")
    ]


def _sheet_rows(session, enrollments):
    """Each enrollment with its mark for `session` (`e.mark`). The people who gave marks
    are a handful (the facilitators): read once each, not once per mark."""
    marks = {a.enrollment_id: a for a in Attendance.objects.filter(
        session=session, enrollment__cohort_id=session.cohort_id
    ).only("enrollment_id", "status", "note", "source", "marked_at", "marked_by_id")}
    markers = User.objects.only("id", "first_name", "last_name", "preferred_name", "email"
                                ).in_bulk({a.marked_by_id for a in marks.values()} - {None})
    for mark in marks.values():
        if mark.marked_by_id:
            mark.marked_by = markers.get(mark.marked_by_id)
    for e in enrollments:
        e.mark = marks.get(e.pk)
    return enrollments


class SheetView(SessionMixin, TemplateView):
    """Every enrolled learner with a radio group and a note. Works as a plain form POST;
    with htmx each change is saved at once through SheetRowView."""

    template_name = "cohorts/facilitate_sheet.html"

    def get_context_data(self, **kwargs):
        rows = _sheet_rows(self.session, _sheet_seats(self.cohort))
        counts = Counter(e.mark.status if e.mark else "unmarked" for e in rows)
        return super().get_context_data(
            rows=rows, counts=dict(counts),
            rows_html=sheet_rows(rows, self.row_url(), self.cohort.tzinfo), **kwargs)

    def row_url(self):
        """The URL a row's change is saved to, without the learner (added per row)."""
        return reverse("facilitate_sheet_row", args=[self.cohort.slug, self.session.pk, 0])[:-2]

    def post(self, request, *args, **kwargs):
        """Every row at once, all or nothing (attendance_record_sheet): with one bad row
        nothing is saved, the message names the rows, and the sheet comes back with what
        was typed and each bad row saying why."""
        rows = _sheet_rows(self.session, seated_enrollments(self.cohort))
        marks = {
            e: (request.POST.get(f"status-{e.pk}", ""),
                request.POST.get(f"note-{e.pk}", "").strip())
            for e in rows if f"status-{e.pk}" in request.POST or f"note-{e.pk}" in request.POST
        }
        try:
            saved = attendance_record_sheet(session=self.session, actor=request.user,
                                            marks=marks)
        except SheetError as exc:
            messages.error(request, str(exc))
            for e in rows:
                if e in marks:
                    e.posted = marks[e]
                e.problem = exc.problems.get(e.pk, "")
            counts = Counter(e.mark.status if e.mark else "unmarked" for e in rows)
            return self.render_to_response(self.get_context_data_for(rows, counts), status=400)
        except AttendanceError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Attendance saved (%(count)s changed).") % {
                "count": saved})
        return redirect("facilitate_sheet", slug=self.cohort.slug, session_pk=self.session.pk)

    def get_context_data_for(self, rows, counts):
        return super().get_context_data(
            rows=rows, counts=dict(counts),
            rows_html=sheet_rows(rows, self.row_url(), self.cohort.tzinfo))


class SheetRowView(SessionMixin, View):
    """POST one learner's mark and note; htmx gets the updated row, others the sheet."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        enrollment = get_object_or_404(
            Enrollment.objects.select_related("user"), pk=kwargs["enrollment_pk"],
            cohort=self.cohort, status__in=SEAT_STATUSES,
        )
        status = request.POST.get(f"status-{enrollment.pk}", "")
        note = request.POST.get(f"note-{enrollment.pk}")
        error = ""
        note = note.strip() if note is not None else None
        if note is not None and len(note) > MAX_NOTE:  # refused, never cut short
            error = _("Keep the note to %(max)s characters (it has %(count)s).") % {
                "max": MAX_NOTE, "count": len(note)}
        elif status:
            try:
                attendance_record(session=self.session, enrollment=enrollment, status=status,
                                  actor=request.user, note=note)
            except AttendanceError as exc:
                error = str(exc)
        elif note:
            error = _("Choose present, late, excused or absent first; then the note is saved.")
        if not request.headers.get("HX-Request"):
            if error:
                messages.error(request, error)
            return redirect("facilitate_sheet", slug=self.cohort.slug,
                            session_pk=self.session.pk)
        enrollment.mark = Attendance.objects.filter(
            session=self.session, enrollment=enrollment
        ).select_related("marked_by").first()
        row_url = reverse("facilitate_sheet_row",
                          args=[self.cohort.slug, self.session.pk, 0])[:-2]
        return HttpResponse(sheet_row(enrollment, row_url, self.cohort.tzinfo,
                                      just_saved=bool(not error and status), error=error))


class MarkAllPresentView(SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        count = attendance_mark_all_present(session=self.session, actor=request.user)
        messages.success(request, ngettext(
            "%(count)s learners without a mark are now present; marks already given were kept.",
            "%(count)s learners without a mark are now present; marks already given were kept.",
            count) % {"count": count})
        return redirect("facilitate_sheet", slug=self.cohort.slug, session_pk=self.session.pk)


def grid_cells() -> dict[str, str]:
    """The grid's <td> for each mark (plus "unmarked": held without a mark, and "": not held
    yet), in the active language: built once per page, not per cell."""
    keys = {
        AttendanceStatus.PRESENT: pgettext("attendance key: present", "P"),
        AttendanceStatus.LATE: pgettext("attendance key: late", "L"),
        AttendanceStatus.EXCUSED: pgettext("attendance key: excused", "E"),
        AttendanceStatus.ABSENT: pgettext("attendance key: absent", "A"),
        "unmarked": "?",
    }
    titles = dict(AttendanceStatus.choices, unmarked=_("Not marked"))
    cells = {status: f'<td><abbr title="{escape(str(titles[status]))}">{escape(key)}</abbr></td>'
             for status, key in keys.items()}
    cells[""] = f'<td><span class="visually-hidden">{escape(_("not held yet"))}</span></td>'
    return cells


class GridView(FacilitatorCohortMixin, TemplateView):
    template_name = "cohorts/facilitate_grid.html"

    def get_context_data(self, **kwargs):
        # Everyone, light, for the rates; names and marks for the page shown only.
        everyone = seats(self.cohort, by_name=True)
        page_obj, page_query = paginate(self.request, everyone)
        shown = seated_enrollments(self.cohort, ids=[s.pk for s in page_obj.object_list])
        book = cohort_attendance(self.cohort, everyone, marks_for=shown)
        sessions = _with_totals(book)
        cell = grid_cells()
        rows = [
            (e, mark_safe("".join(cell.get(status) or cell["unmarked" if s.held else ""]
                                  for s, status in book.cells(e))), book.progress[e.pk])
            for e in shown
        ]
        return super().get_context_data(sessions=sessions, rows=rows, page_obj=page_obj,
                                        page_query=page_query, total=len(everyone),
                                        **kwargs)


class AttendanceExportView(FacilitatorCohortMixin, View):
    """One row per learner per session; unmarked sessions say so."""

    http_method_names = ["get"]
    # Translated when the download starts, in the request's language (csv_response).
    header = [gettext_lazy("Name"), gettext_lazy("Email"), gettext_lazy("Session"),
              gettext_lazy("Session starts"), gettext_lazy("Status"), gettext_lazy("Note"),
              gettext_lazy("Source"), gettext_lazy("Marked by"), gettext_lazy("Marked at")]

    def get(self, request, *args, **kwargs):
        tz = self.cohort.tzinfo
        sessions = list(self.cohort.sessions.all())
        enrollments = seated_enrollments(self.cohort)
        marks = {
            (a.enrollment_id, a.session_id): a
            for a in Attendance.objects.filter(
                enrollment__in=[e.pk for e in enrollments]
            ).select_related("marked_by")
        }

        def data():
            for e in enrollments:
                for s in sessions:
                    a = marks.get((e.pk, s.pk))
                    yield [
                        e.user.display_name, e.user.email, s.title,
                        timezone.localtime(s.starts_at, tz),
                        a.status if a else "unmarked", a.note if a else "",
                        a.source if a else "",
                        a.marked_by.display_name if a and a.marked_by else "",
                        timezone.localtime(a.marked_at, tz) if a else "",
                    ]

        return csv_response(f"{self.cohort.slug}-attendance.csv", self.header, data())
