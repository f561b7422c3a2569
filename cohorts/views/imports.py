"""Meeting-report import: upload a Zoom or Teams participant report, confirm the proposed
attendance (matches and statuses) on the next page, then save it through the service."""

from collections import defaultdict
from datetime import datetime

from django.contrib import messages
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from academy.inputs import posted_id

from .. import meeting_reports
from ..forms import ReportUploadForm
from ..models import Attendance, AttendanceStatus
from ..progress import seated_enrollments
from ..services import AttendanceError, attendance_import
from .attendance import STATUS_CHOICES
from .facilitate import SessionMixin

A = AttendanceStatus

PROPOSAL_SALT = "cohorts.attendance-import"


def _day(day) -> str:
    """The day as a message says it: "Wednesday, November 18"; "miércoles 18 de noviembre"."""
    if (get_language() or "en")[:2] == "en":
        return f"{day:%A, %B %-d}"
    return date_format(day, _("l, F j"))


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
                    _("The file is larger than 2 MB; a participant report is much smaller."))
            report = meeting_reports.parse_report(upload.read(), self.cohort.tzinfo)
        except meeting_reports.ReportError as exc:
            form.add_error("report", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        enrollments = seated_enrollments(self.cohort)
        proposal = meeting_reports.build_proposal(
            report, self.session, enrollments, form.cleaned_data["min_share"]
        )
        return self.render_proposal(proposal, enrollments)

    def dates(self, proposal):
        """(the meeting's date from the report, the session's date) in the cohort's zone;
        they differ when the facilitator picked the wrong report or the wrong session."""
        joins = [datetime.fromisoformat(r["first_join"]) for r in proposal["rows"]
                 if r["first_join"]]
        tz = self.cohort.tzinfo
        report = timezone.localtime(min(joins), tz).date() if joins else None
        return report, timezone.localtime(self.session.starts_at, tz).date()

    def render_proposal(self, proposal, enrollments, error=""):
        existing = {a.enrollment_id: a.status for a in Attendance.objects.filter(
            session=self.session, enrollment__in=[e.pk for e in enrollments])}
        labels = dict(STATUS_CHOICES)  # the current mark, as the sheet says it
        rows_by_learner = defaultdict(list)
        for index, (enrollment_id, how) in proposal["auto"].items():
            rows_by_learner[enrollment_id].append((proposal["rows"][int(index)], how))
        learners = [
            (e, proposal["proposed"][str(e.pk)], labels.get(existing.get(e.pk)),
             rows_by_learner[e.pk])
            for e in enrollments
        ]
        unmatched = [(i, row) for i, row in enumerate(proposal["rows"])
                     if str(i) not in proposal["auto"]]
        payload = signing.dumps(proposal, salt=PROPOSAL_SALT, compress=True)
        for _i, row in unmatched + [(0, r) for rs in rows_by_learner.values() for r, _how in rs]:
            row["joined"] = datetime.fromisoformat(row["first_join"]) if row["first_join"] else None
        report_date, session_date = self.dates(proposal)
        return render(self.request, "cohorts/facilitate_import_confirm.html", {
            "cohort": self.cohort, "session": self.session, "learners": learners,
            "unmatched": unmatched, "enrollments": enrollments, "statuses": STATUS_CHOICES,
            "payload": payload, "proposal": proposal, "error": error,
            "report_date": report_date, "session_date": session_date,
            "other_day": report_date is not None and report_date != session_date,
        }, status=400 if error else 200)


class ImportConfirmView(ImportView):
    """Save what the facilitator confirmed. The proposal comes back signed (not trusted
    from the form); hand matches of unmatched rows re-compute the learner's proposal."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            proposal = signing.loads(request.POST.get("payload", ""), salt=PROPOSAL_SALT,
                                     max_age=6 * 3600)
        except signing.BadSignature:
            messages.error(request, _("That proposal has expired or was changed; please "
                                      "upload the report again. Nothing was saved."))
            return redirect("facilitate_import", slug=self.cohort.slug,
                            session_pk=self.session.pk)
        if proposal.get("session") != self.session.pk:
            raise Http404
        enrollments = seated_enrollments(self.cohort)
        report_date, session_date = self.dates(proposal)
        if report_date and report_date != session_date and not request.POST.get("other_day"):
            return self.render_proposal(
                proposal, enrollments,
                error=_("The report's meeting was on %(report)s, but this session is on "
                        "%(session)s. Tick the box to save it for this session anyway, or "
                        "upload the right report.") % {
                    "report": _day(report_date), "session": _day(session_date)},
            )
        ids = {e.pk for e in enrollments}
        hand = {}
        for i in range(len(proposal["rows"])):
            value = posted_id(request.POST.get(f"match-{i}"))
            if str(i) not in proposal["auto"] and value in ids:
                hand[str(i)] = value
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
            messages.success(request, _("Attendance from the meeting report is saved "
                                        "(%(count)s marks changed).") % {"count": changed})
        return redirect("facilitate_sheet", slug=self.cohort.slug, session_pk=self.session.pk)
