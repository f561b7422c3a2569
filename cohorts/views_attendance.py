"""Attendance for facilitators (sessions, sheet, grid, roster, exports, meeting reports,
live check-in screen) and self check-in for learners.

Facilitator views use FacilitatorCohortMixin: anonymous people are sent to log in, anyone
who is neither the cohort's facilitator nor staff gets a 404. Every page costs the same
number of queries whatever the size of the roster (tests/cohorts/test_query_counts.py).
"""

import csv
from collections import defaultdict
from datetime import datetime

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db.models import Q
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from . import meeting_reports
from .forms import CheckInForm, DecisionForm, ReportUploadForm
from .models import (
    SEAT_STATUSES,
    Attendance,
    AttendanceStatus,
    Enrollment,
    EnrollmentStatus,
    Session,
)
from .progress import marks_by_enrollment, roster_progress
from .services import (
    AttendanceError,
    attendance_import,
    attendance_mark_all_present,
    attendance_record,
    normalise_check_in_code,
    session_check_in,
)
from .views_facilitate import FacilitatorCohortMixin

A = AttendanceStatus
S = EnrollmentStatus


def check_in_url(session):
    return settings.SITE_URL + reverse("check_in_code", args=[session.check_in_code])


def qr_svg(session, scale=6):
    """The check-in link as an inline SVG QR code (no file, no external service)."""
    return segno.make(check_in_url(session), error="m").svg_inline(
        scale=scale, border=2, title=f"QR code: check in to {session.title}",
    )


def _seated(cohort):
    return list(
        Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


class SessionMixin(FacilitatorCohortMixin):
    """Also loads `self.session`, one of the cohort's sessions (404 otherwise)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.cohort = self.get_cohort()
        self.session = get_object_or_404(Session, pk=kwargs["session_pk"], cohort=self.cohort)
        self.session.cohort = self.cohort
        return super(FacilitatorCohortMixin, self).dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, **kwargs)


# --- sessions and the live check-in screen ----------------------------------------------

class SessionListView(FacilitatorCohortMixin, TemplateView):
    template_name = "cohorts/facilitate_sessions.html"

    def get_context_data(self, **kwargs):
        sessions = list(self.cohort.sessions.all())
        seated = Enrollment.objects.filter(cohort=self.cohort, status__in=SEAT_STATUSES).count()
        counts = defaultdict(lambda: defaultdict(int))
        for session_id, status in Attendance.objects.filter(
            session__cohort=self.cohort, enrollment__status__in=SEAT_STATUSES
        ).values_list("session_id", "status"):
            counts[session_id][status] += 1
        for s in sessions:
            c = counts[s.pk]
            s.marked = sum(c.values())
            s.attended = c[A.PRESENT] + c[A.LATE]
            s.unmarked = max(seated - s.marked, 0)
        return super().get_context_data(sessions=sessions, seated=seated, now=timezone.now(),
                                        **kwargs)


class SessionDetailView(SessionMixin, TemplateView):
    """The session's check-in code, QR code and links to the sheet, live screen, import."""

    template_name = "cohorts/facilitate_session.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            qr=qr_svg(self.session), check_in_url=check_in_url(self.session), **kwargs
        )


def _checked_in(session):
    return list(
        Attendance.objects.filter(session=session, status__in=[A.PRESENT, A.LATE])
        .select_related("enrollment__user")
        .order_by("-marked_at", "-pk")
    )


class LiveView(SessionMixin, TemplateView):
    """Projected during the session: QR and code beside who has checked in (htmx polling)."""

    template_name = "cohorts/facilitate_live.html"

    def get_context_data(self, **kwargs):
        seated = Enrollment.objects.filter(cohort=self.cohort, status__in=SEAT_STATUSES).count()
        return super().get_context_data(
            qr=qr_svg(self.session, scale=10), check_in_url=check_in_url(self.session),
            checked_in=_checked_in(self.session), seated=seated, **kwargs,
        )


class LivePartialView(SessionMixin, TemplateView):
    template_name = "cohorts/includes/live_checked_in.html"

    def get_context_data(self, **kwargs):
        seated = Enrollment.objects.filter(cohort=self.cohort, status__in=SEAT_STATUSES).count()
        return super().get_context_data(checked_in=_checked_in(self.session), seated=seated,
                                        **kwargs)


# --- the attendance sheet ---------------------------------------------------------------

STATUS_CHOICES = [(value, label) for value, label in A.choices]


def _sheet_rows(session, enrollments):
    marks = {a.enrollment_id: a for a in Attendance.objects.filter(
        session=session, enrollment__in=[e.pk for e in enrollments]
    ).select_related("marked_by")}
    for e in enrollments:
        e.mark = marks.get(e.pk)
    return enrollments


class SheetView(SessionMixin, TemplateView):
    """Every enrolled learner with a radio group and a note. Works as a plain form POST;
    with htmx each change is saved at once through SheetRowView."""

    template_name = "cohorts/facilitate_sheet.html"

    def get_context_data(self, **kwargs):
        rows = _sheet_rows(self.session, _seated(self.cohort))
        counts = defaultdict(int)
        for e in rows:
            counts[e.mark.status if e.mark else "unmarked"] += 1
        return super().get_context_data(rows=rows, statuses=STATUS_CHOICES,
                                        counts=dict(counts), **kwargs)

    def post(self, request, *args, **kwargs):
        rows = _sheet_rows(self.session, _seated(self.cohort))
        saved, skipped = 0, []
        try:
            for e in rows:
                status = request.POST.get(f"status-{e.pk}", "")
                note = request.POST.get(f"note-{e.pk}", "").strip()[:500]
                if not status:
                    if note:
                        skipped.append(e.user.display_name)
                    continue
                if e.mark and e.mark.status == status and e.mark.note == note:
                    continue
                attendance_record(session=self.session, enrollment=e, status=status,
                                  actor=request.user, note=note)
                saved += 1
        except AttendanceError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Attendance saved ({saved} changed).")
        if skipped:
            messages.warning(request, "Choose present, late, excused or absent before adding a "
                             "note: " + ", ".join(skipped) + ".")
        return redirect("facilitate_sheet", slug=self.cohort.slug, session_pk=self.session.pk)


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
        if status:
            try:
                attendance_record(session=self.session, enrollment=enrollment, status=status,
                                  actor=request.user,
                                  note=note.strip()[:500] if note is not None else None)
            except AttendanceError as exc:
                error = str(exc)
        elif note:
            error = "Choose present, late, excused or absent first; then the note is saved."
        if not request.headers.get("HX-Request"):
            if error:
                messages.error(request, error)
            return redirect("facilitate_sheet", slug=self.cohort.slug,
                            session_pk=self.session.pk)
        enrollment.mark = Attendance.objects.filter(
            session=self.session, enrollment=enrollment
        ).select_related("marked_by").first()
        return render(request, "cohorts/includes/sheet_row.html", {
            "e": enrollment, "session": self.session, "cohort": self.cohort,
            "statuses": STATUS_CHOICES, "error": error, "just_saved": not error and status,
        })


class MarkAllPresentView(SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        count = attendance_mark_all_present(session=self.session, actor=request.user)
        messages.success(request, f"{count} learners without a mark are now present; "
                         "marks already given were kept.")
        return redirect("facilitate_sheet", slug=self.cohort.slug, session_pk=self.session.pk)


# --- roster and grid --------------------------------------------------------------------

SORTS = {
    "name": ("Name", lambda e: (e.user.last_name.lower(), e.user.first_name.lower(), e.pk)),
    "status": ("Status", lambda e: (e.status, e.user.last_name.lower())),
    "attendance": ("Attendance rate", lambda e: (
        -1 if e.progress is None or e.progress.attendance_percent is None
        else e.progress.attendance_percent, e.user.last_name.lower())),
    "modules": ("Modules completed", lambda e: (
        -1 if e.progress is None else e.progress.modules_done, e.user.last_name.lower())),
    "jurisdiction": ("Jurisdiction", lambda e: (e.user.jurisdiction_name.lower(), e.pk)),
    "state": ("State", lambda e: (e.user.state, e.user.last_name.lower())),
}
TRACK_FILTERS = {"": "Everyone", "yes": "On track", "no": "At risk"}


def roster(cohort, *, status="", on_track="", q="", sort="name", desc=False):
    """Enrollments of any status with `progress` (seated ones), filtered and sorted.

    Queries: enrollments with users, sessions, attendance marks, required modules and
    their completions: five whatever the number of learners.
    """
    rows = Enrollment.objects.filter(cohort=cohort).select_related("user").with_waitlist_position()
    if status in S.values:
        rows = rows.filter(status=status)
    if q:
        for word in q.split()[:5]:
            rows = rows.filter(
                Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word)
                | Q(user__preferred_name__icontains=word) | Q(user__email__icontains=word)
            )
    rows = list(rows)
    seated = [e for e in rows if e.status in SEAT_STATUSES]
    progress = roster_progress(cohort, seated) if seated else {}
    for e in rows:
        e.progress = progress.get(e.pk)
    if on_track == "yes":
        rows = [e for e in rows if e.progress and e.progress.on_track]
    elif on_track == "no":
        rows = [e for e in rows if e.progress and not e.progress.on_track]
    rows.sort(key=SORTS.get(sort, SORTS["name"])[1], reverse=desc)
    return rows


class RosterView(FacilitatorCohortMixin, TemplateView):
    template_name = "cohorts/facilitate_roster.html"

    def get_context_data(self, **kwargs):
        get = self.request.GET
        params = {
            "status": get.get("status", ""), "on_track": get.get("on_track", ""),
            "q": get.get("q", "").strip()[:100],
            "sort": get.get("sort", "name") if get.get("sort") in SORTS else "name",
            "desc": get.get("dir") == "desc",
        }
        rows = roster(self.cohort, **params)
        return super().get_context_data(
            rows=rows, params=params, statuses=S.choices, sorts=[(k, v[0]) for k, v in
                                                                  SORTS.items()],
            track_filters=TRACK_FILTERS.items(), decision_form=DecisionForm(),
            at_risk=sum(1 for e in rows if e.progress and not e.progress.on_track),
            **kwargs,
        )


def grid(cohort):
    """(sessions with `rate`, rows of (enrollment, [mark per session], progress))."""
    now = timezone.now()
    sessions = list(cohort.sessions.all())
    enrollments = _seated(cohort)
    progress = roster_progress(cohort, enrollments, sessions=sessions, now=now)
    marks = marks_by_enrollment(cohort, [e.pk for e in enrollments])
    rows = []
    per_session = defaultdict(lambda: [0, 0])  # attended, counted (not excused)
    for e in enrollments:
        cells = []
        for s in sessions:
            status = marks.get(e.pk, {}).get(s.pk)
            held = s.starts_at <= now
            cells.append((s, status, held))
            if held and status != A.EXCUSED:
                per_session[s.pk][1] += 1
                per_session[s.pk][0] += status in (A.PRESENT, A.LATE)
        rows.append((e, cells, progress[e.pk]))
    for s in sessions:
        s.held = s.starts_at <= now
        attended, counted = per_session[s.pk]
        s.rate = round(attended * 100 / counted) if s.held and counted else None
    return sessions, rows


class GridView(FacilitatorCohortMixin, TemplateView):
    template_name = "cohorts/facilitate_grid.html"

    def get_context_data(self, **kwargs):
        sessions, rows = grid(self.cohort)
        return super().get_context_data(sessions=sessions, rows=rows, **kwargs)


# --- CSV exports ------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Spreadsheets run cells that start with = + - @ (or TAB, CR): prefix a quote."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def csv_response(filename, header, rows):
    """A streamed UTF-8 CSV (no BOM), header first, every cell made formula-safe."""
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow([safe_cell(v) for v in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _percent(p):
    return "" if p is None or p.attendance_percent is None else f"{p.attendance_percent:.1f}"


class RosterExportView(FacilitatorCohortMixin, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        rows = roster(self.cohort)
        header = ["Name", "Email", "Status", "Office or title", "Jurisdiction",
                  "Jurisdiction type", "State", "Sessions held", "Attended", "Late", "Excused",
                  "Absent", "Attendance %", "Modules done", "Modules required", "On track",
                  "Eligible", "Accessibility needs"]

        def data():
            for e in rows:
                u, p = e.user, e.progress
                yield [u.display_name, u.email, e.get_status_display(), u.office_title,
                       u.jurisdiction_name, u.get_jurisdiction_type_display(), u.state,
                       *((p.sessions_held, p.attended, p.late, p.excused, p.absent,
                          _percent(p), p.modules_done, p.modules_required,
                          "yes" if p.on_track else "no", "yes" if p.eligible else "no")
                         if p else [""] * 10),
                       e.accessibility_needs]

        return csv_response(f"{self.cohort.slug}-roster.csv", header, data())


class AttendanceExportView(FacilitatorCohortMixin, View):
    """One row per learner per session; unmarked sessions say so."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        tz = self.cohort.tzinfo
        sessions = list(self.cohort.sessions.all())
        enrollments = _seated(self.cohort)
        marks = {
            (a.enrollment_id, a.session_id): a
            for a in Attendance.objects.filter(
                session__cohort=self.cohort, enrollment__in=[e.pk for e in enrollments]
            ).select_related("marked_by")
        }
        header = ["Name", "Email", "Session", "Session starts", "Status", "Note", "Source",
                  "Marked by", "Marked at"]

        def data():
            for e in enrollments:
                for s in sessions:
                    a = marks.get((e.pk, s.pk))
                    yield [
                        e.user.display_name, e.user.email, s.title,
                        timezone.localtime(s.starts_at, tz).isoformat(),
                        a.status if a else "unmarked", a.note if a else "",
                        a.source if a else "",
                        a.marked_by.display_name if a and a.marked_by else "",
                        timezone.localtime(a.marked_at, tz).isoformat() if a else "",
                    ]

        return csv_response(f"{self.cohort.slug}-attendance.csv", header, data())


# --- meeting report import --------------------------------------------------------------

PROPOSAL_SALT = "cohorts.attendance-import"


class ImportView(SessionMixin, TemplateView):
    """Upload a Zoom or Teams participant report; the next page shows the proposal."""

    template_name = "cohorts/facilitate_import.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ReportUploadForm())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = ReportUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["report"]
        try:
            if upload.size > meeting_reports.MAX_REPORT_BYTES:
                raise meeting_reports.ReportError(
                    "The file is larger than 2 MB; a participant report is much smaller.")
            report = meeting_reports.parse_report(upload.read(), self.cohort.tzinfo)
        except meeting_reports.ReportError as exc:
            form.add_error("report", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        enrollments = _seated(self.cohort)
        proposal = meeting_reports.build_proposal(
            report, self.session, enrollments, form.cleaned_data["min_share"]
        )
        return self.render_proposal(proposal, enrollments)

    def render_proposal(self, proposal, enrollments, error=""):
        existing = {a.enrollment_id: a.status for a in Attendance.objects.filter(
            session=self.session, enrollment__in=[e.pk for e in enrollments])}
        rows_by_learner = defaultdict(list)
        for index, (enrollment_id, how) in proposal["auto"].items():
            rows_by_learner[enrollment_id].append((proposal["rows"][int(index)], how))
        learners = [
            (e, proposal["proposed"][str(e.pk)], existing.get(e.pk), rows_by_learner[e.pk])
            for e in enrollments
        ]
        unmatched = [(i, row) for i, row in enumerate(proposal["rows"])
                     if str(i) not in proposal["auto"]]
        payload = signing.dumps(proposal, salt=PROPOSAL_SALT, compress=True)
        for _, row in unmatched + [(0, r) for rs in rows_by_learner.values() for r, _ in rs]:
            row["joined"] = datetime.fromisoformat(row["first_join"]) if row["first_join"] else None
        return render(self.request, "cohorts/facilitate_import_confirm.html", {
            "cohort": self.cohort, "session": self.session, "learners": learners,
            "unmatched": unmatched, "enrollments": enrollments, "statuses": STATUS_CHOICES,
            "payload": payload,
            "proposal": proposal, "error": error,
        })


class ImportConfirmView(ImportView):
    """Save what the facilitator confirmed. The proposal comes back signed (not trusted
    from the form); hand matches of unmatched rows re-compute the learner's proposal."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            proposal = signing.loads(request.POST.get("payload", ""), salt=PROPOSAL_SALT,
                                     max_age=6 * 3600)
        except signing.BadSignature:
            messages.error(request, "That proposal has expired or was changed; please upload "
                           "the report again. Nothing was saved.")
            return redirect("facilitate_import", slug=self.cohort.slug,
                            session_pk=self.session.pk)
        if proposal.get("session") != self.session.pk:
            raise Http404
        enrollments = _seated(self.cohort)
        ids = {e.pk for e in enrollments}
        hand = {}
        for i in range(len(proposal["rows"])):
            value = request.POST.get(f"match-{i}", "")
            if str(i) not in proposal["auto"] and value.isdigit() and int(value) in ids:
                hand[str(i)] = int(value)
        recomputed = meeting_reports.statuses(proposal, hand, self.session, list(ids))
        marks = {}
        for e in enrollments:
            chosen = request.POST.get(f"status-{e.pk}", "")
            original = proposal["proposed"].get(str(e.pk))
            if chosen == "keep":
                continue
            if chosen == original or chosen not in A.values:
                chosen = recomputed[str(e.pk)]  # unchanged by hand: take the hand matches in
            marks[e.pk] = chosen
        try:
            changed = attendance_import(session=self.session, actor=request.user, marks=marks)
        except AttendanceError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Attendance from the meeting report is saved "
                             f"({changed} marks changed).")
        return redirect("facilitate_sheet", slug=self.cohort.slug, session_pk=self.session.pk)


# --- self check-in (learners) -----------------------------------------------------------

def _check_in(request, code):
    try:
        attendance = session_check_in(code=code, user=request.user)
    except AttendanceError as exc:
        return None, str(exc)
    return attendance, ""


@login_required
def check_in(request):
    """Type the code shown in the room."""
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        attendance, error = _check_in(request, form.cleaned_data["code"])
        if attendance:
            return render(request, "cohorts/check_in_done.html", {"attendance": attendance})
        form.add_error("code", error)
    return render(request, "cohorts/check_in.html", {"form": form}, status=200)


@login_required
def check_in_code(request, code):
    """The QR code's link: GET asks to confirm (no check-in on a mere visit), POST checks in."""
    code = normalise_check_in_code(code)
    if request.method == "POST":
        attendance, error = _check_in(request, code)
        if attendance:
            return render(request, "cohorts/check_in_done.html", {"attendance": attendance})
        form = CheckInForm(initial={"code": code})
        return render(request, "cohorts/check_in.html", {"form": form, "error": error})
    session = (
        Session.objects.select_related("cohort")
        .filter(check_in_code=code, cohort__enrollments__user=request.user,
                cohort__enrollments__status__in=SEAT_STATUSES)
        .first()
    )
    return render(request, "cohorts/check_in_confirm.html", {"code": code, "session": session})
