"""The cohort's life in the facilitator workspace: open, start, close (with every learner's
final standing, then progress), cancel, capacity, session moves and cancellations,
announcements and the history of everyone whose place ended. Each POST calls one service
and shows its refusal as a message; none holds a rule of its own."""

import re

from django import forms
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy
from django.views import View
from django.views.generic import TemplateView

from ..models import (
    HISTORY_STATUSES,
    CohortEvent,
    CohortStatus,
    Enrollment,
    EnrollmentEvent,
)
from ..progress import cohort_attendance, seated_enrollments
from ..services import (
    EnrollmentError,
    close_progress,
    close_refusal,
    cohort_announce,
    cohort_cancel,
    cohort_close,
    cohort_move_refusal,
    cohort_open,
    cohort_set_capacity,
    cohort_start,
    session_cancel,
    session_move,
)
from ..services.closing import what_was_missing
from ..services.cohorts import MAX_MESSAGE
from ..services.sessions import MAX_SESSION_MESSAGE
from .facilitate import FacilitatorCohortMixin, SessionMixin

C = CohortStatus
MOVES = {"open": (cohort_open, C.OPEN, gettext_lazy("The cohort is open for enrollment.")),
         "start": (cohort_start, C.IN_PROGRESS, gettext_lazy("The cohort has started."))}


def cohort_actions(cohort):
    """[(action, label, refusal)] the state machine offers from the cohort's state."""
    return [
        (action, label, cohort_move_refusal(cohort, to_status))
        for action, label, to_status in (
            ("open", _("Open for enrollment"), C.OPEN),
            ("start", _("Start the cohort"), C.IN_PROGRESS),
            ("close", _("Close the cohort"), C.FINISHED),
            ("cancel", _("Cancel the cohort"), C.CANCELLED),
        )
    ]


class CohortMoveView(FacilitatorCohortMixin, View):
    """POST open | start."""

    http_method_names = ["post"]

    def post(self, request, slug, action):
        if action not in MOVES:
            return redirect("facilitate_cohort", slug=slug)
        service, _to_status, done = MOVES[action]
        try:
            service(cohort=self.cohort, actor=request.user)
        except EnrollmentError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, str(done))
        return redirect("facilitate_cohort", slug=slug)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy(
            "Why is the cohort cancelled? (everyone enrolled, applying or waiting is told)"),
        max_length=MAX_MESSAGE, widget=forms.Textarea(attrs={"rows": 3}),
    )


class CohortCancelView(FacilitatorCohortMixin, TemplateView):
    template_name = "cohorts/facilitate_cancel.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ReasonForm())
        people = Enrollment.objects.filter(
            cohort=self.cohort, status__in=["pending", "waitlisted", "enrolled"]
        ).count()
        return super().get_context_data(
            people=people, refusal=cohort_move_refusal(self.cohort, C.CANCELLED), **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = ReasonForm(request.POST)
        if form.is_valid():
            try:
                cohort_cancel(cohort=self.cohort, actor=request.user,
                              reason=form.cleaned_data["reason"])
            except EnrollmentError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The cohort is cancelled; everyone in it is told."))
                return redirect("facilitate_cohort", slug=self.cohort.slug)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CloseView(FacilitatorCohortMixin, TemplateView):
    """Before: every learner's final standing and what is missing; after: the progress of
    results and certificates. Queries do not grow with the roster."""

    template_name = "cohorts/facilitate_close.html"

    def get_context_data(self, **kwargs):
        cohort = self.cohort
        context = super().get_context_data(**kwargs)
        if cohort.status == C.FINISHED:
            context["progress"] = close_progress(cohort)
            return context
        book = cohort_attendance(cohort, seated_enrollments(cohort))
        rows = [(e, book.progress[e.pk], what_was_missing(cohort, book.progress[e.pk]))
                for e in book.enrollments]
        unmarked = sum(t.unmarked for t in book.totals.values() if t.held)
        context.update(
            rows=rows, refusal=close_refusal(cohort), unmarked=unmarked,
            completing=sum(1 for _e, p, _m in rows if p.eligible),
            sessions=book.sessions,
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            cohort_close(cohort=self.cohort, actor=request.user)
        except EnrollmentError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The cohort is closed. Results and certificates are "
                                        "being recorded; each learner is emailed theirs."))
        return redirect("facilitate_close", slug=self.cohort.slug)


class CloseProgressView(FacilitatorCohortMixin, TemplateView):
    template_name = "cohorts/includes/close_progress.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(progress=close_progress(self.cohort), **kwargs)


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(label=gettext_lazy("Seats"), min_value=0, max_value=100_000)


class CapacityView(FacilitatorCohortMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = CapacityForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the number of seats as a whole number, 0 or more."))
        else:
            try:
                cohort_set_capacity(cohort=self.cohort, actor=request.user,
                                    capacity=form.cleaned_data["capacity"])
            except EnrollmentError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("The number of seats is saved."))
        return redirect("facilitate_cohort", slug=self.cohort.slug)


class AnnounceForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    message = forms.CharField(label=gettext_lazy("Message"), max_length=MAX_MESSAGE,
                              widget=forms.Textarea(attrs={"rows": 6}))
    include_waitlist = forms.BooleanField(label=gettext_lazy("Also send it to the waitlist"),
                                          required=False)


class AnnounceView(FacilitatorCohortMixin, TemplateView):
    template_name = "cohorts/facilitate_announce.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", AnnounceForm())
        sent = CohortEvent.objects.filter(cohort=self.cohort, kind="announcement")\
            .select_related("actor")[:50]
        return super().get_context_data(sent=list(sent), **kwargs)

    def post(self, request, *args, **kwargs):
        form = AnnounceForm(request.POST)
        if form.is_valid():
            try:
                event = cohort_announce(cohort=self.cohort, actor=request.user,
                                        **form.cleaned_data)
            except EnrollmentError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, ngettext(
                    "Sent to %(count)s person.", "Sent to %(count)s people.", event.recipients
                ) % {"count": event.recipients})
                return redirect("facilitate_announce", slug=self.cohort.slug)
        return self.render_to_response(self.get_context_data(form=form), status=400)


# The summaries the services record are kept as written (in English, like the rest of the
# history's data); the history page says them in the reader's language.
FIXED_SUMMARIES = {
    "Opened for enrollment": pgettext_lazy("cohort history", "Opened for enrollment"),
    "Started": pgettext_lazy("cohort history", "Started"),
    "Closed": pgettext_lazy("cohort history", "Closed"),
    "Cancelled": pgettext_lazy("cohort history", "Cancelled"),
}
CAPACITY_SUMMARY = re.compile(r"Capacity (\d+) → (\d+)(?:; (\d+) promoted from the waitlist)?")
MOVED_SUMMARY = re.compile(r"(.*) moved \(was (.*)\)", re.S)
SESSION_CANCELLED_SUMMARY = re.compile(r"(.*) cancelled", re.S)


def summary_shown(event) -> str:
    """A cohort event's summary in the active language (an announcement's is its subject)."""
    summary = event.summary
    if event.kind == "announcement":
        return summary
    if summary in FIXED_SUMMARIES:
        return str(FIXED_SUMMARIES[summary])
    if event.kind == "capacity" and (m := CAPACITY_SUMMARY.fullmatch(summary)):
        text = _("Capacity %(before)s → %(after)s") % {"before": m[1], "after": m[2]}
        if m[3]:
            text += "; " + ngettext("%(count)s promoted from the waitlist",
                                    "%(count)s promoted from the waitlist",
                                    int(m[3])) % {"count": m[3]}
        return text
    if event.kind == "session_moved" and (m := MOVED_SUMMARY.fullmatch(summary)):
        return _("%(session)s moved (was %(was)s)") % {"session": m[1], "was": m[2]}
    if event.kind == "session_cancelled" and (m := SESSION_CANCELLED_SUMMARY.fullmatch(summary)):
        return _("%(session)s cancelled") % {"session": m[1]}
    return summary


class HistoryView(FacilitatorCohortMixin, TemplateView):
    """People whose place ended (declined, withdrawn, removed, cancelled, not completed),
    each with the timeline of their enrollment, and the cohort's own events."""

    template_name = "cohorts/facilitate_history.html"

    def get_context_data(self, **kwargs):
        people = list(
            Enrollment.objects.filter(cohort=self.cohort, status__in=HISTORY_STATUSES)
            .select_related("user")
            .prefetch_related(Prefetch(
                "events", queryset=EnrollmentEvent.objects.select_related("actor")
            ))
            .order_by("-status_changed_at", "pk")
        )
        events = list(CohortEvent.objects.filter(cohort=self.cohort).select_related("actor"))
        for event in events:
            event.summary_shown = summary_shown(event)
        return super().get_context_data(people=people, cohort_events=events, **kwargs)


class SessionChangeForm(forms.Form):
    starts_at = forms.DateTimeField(label=gettext_lazy("Starts"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    ends_at = forms.DateTimeField(label=gettext_lazy("Ends"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    message = forms.CharField(label=gettext_lazy("Message to the learners (optional)"),
                              required=False,
                              max_length=MAX_SESSION_MESSAGE,
                              widget=forms.Textarea(attrs={"rows": 2}))


class SessionChangeView(SessionMixin, TemplateView):
    """Move a session (new times) or cancel it; both tell the enrolled learners."""

    template_name = "cohorts/facilitate_session_change.html"

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            with timezone.override(self.cohort.tzinfo):
                kwargs["form"] = SessionChangeForm(initial={
                    "starts_at": timezone.localtime(self.session.starts_at),
                    "ends_at": timezone.localtime(self.session.ends_at),
                })
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        with timezone.override(self.cohort.tzinfo):  # times typed in the cohort's zone
            form = SessionChangeForm(request.POST)
            valid = form.is_valid()
        try:
            if action == "cancel":
                session_cancel(session=self.session, actor=request.user,
                               message=request.POST.get("message", "").strip())
                messages.success(request, _("%(session)s is cancelled; learners are told and "
                                            "their calendars update.") % {
                    "session": self.session.title})
                return redirect("facilitate_sessions", slug=self.cohort.slug)
            if valid:
                session_move(session=self.session, actor=request.user,
                             starts_at=form.cleaned_data["starts_at"],
                             ends_at=form.cleaned_data["ends_at"],
                             message=form.cleaned_data["message"])
                messages.success(request, _("%(session)s has its new time; learners are told "
                                            "and their calendars update.") % {
                    "session": self.session.title})
                return redirect("facilitate_sessions", slug=self.cohort.slug)
        except EnrollmentError as exc:
            form.add_error(None, str(exc))
        return render(request, self.template_name, self.get_context_data(form=form), status=400)
