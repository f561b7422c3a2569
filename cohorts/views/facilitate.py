"""The facilitator workspace: their cohorts, applicants, waitlist and roster.

Every view goes through FacilitatorCohortMixin: anonymous people are sent to log in,
anyone who does not run the cohort (Cohort.objects.managed_by) gets a 404: we do not
confirm that a cohort or an enrollment exists.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Case, Count, Q, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views import View
from django.views.generic import TemplateView

from academy.exports import csv_response

from ..forms import DecisionForm
from ..models import (
    HISTORY_STATUSES,
    SEAT_STATUSES,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    Session,
)
from ..progress import ROSTER_FIELDS
from ..quorum_guard import cohort_quorum_warnings
from ..selectors import ROSTER_SORTS, RUNNING, cohort_summaries, roster
from ..services import (
    EnrollmentError,
    EnrollmentNotFound,
    enrollment_approve,
    enrollment_decline,
    enrollment_promote,
    enrollment_remove,
)
from .paging import paginate
from .roster_rows import roster_rows

S = EnrollmentStatus


class FacilitatorCohortMixin(LoginRequiredMixin):
    """Loads `self.cohort` from the URL's slug, or answers 404 to people who do not run it."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.cohort = self.get_cohort()
        return super().dispatch(request, *args, **kwargs)

    def get_cohort(self):
        cohorts = Cohort.objects.select_related("course").managed_by(self.request.user)
        return get_object_or_404(cohorts, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.cohort, **kwargs)


class SessionMixin(FacilitatorCohortMixin):
    """Also loads `self.session`, one of the cohort's sessions (404 otherwise)."""

    def get_cohort(self):
        cohort = super().get_cohort()
        self.session = get_object_or_404(Session, pk=self.kwargs["session_pk"], cohort=cohort)
        self.session.cohort = cohort
        return cohort

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, **kwargs)


COHORT_FILTERS = {
    "running": (pgettext_lazy("cohort filter", "Open and in progress"), RUNNING),
    "draft": (pgettext_lazy("cohort filter", "Drafts"), (CohortStatus.DRAFT,)),
    "finished": (pgettext_lazy("cohort filter", "Finished"), (CohortStatus.FINISHED,)),
    "cancelled": (pgettext_lazy("cohort filter", "Cancelled"), (CohortStatus.CANCELLED,)),
    "all": (pgettext_lazy("cohort filter", "All"), tuple(CohortStatus.values)),
}


class FacilitateHomeView(LoginRequiredMixin, TemplateView):
    """The cohorts a person facilitates, running ones first (with learners at risk), and
    for staff every cohort of the academy, a page at a time, by status and search."""

    template_name = "cohorts/facilitate_home.html"
    order = Case(When(status__in=RUNNING, then=0), When(status=CohortStatus.DRAFT, then=1),
                 default=2)

    def get_context_data(self, **kwargs):
        user = self.request.user
        mine = Cohort.objects.filter(facilitators=user, self_paced=False)
        if not user.is_staff and not mine.exists():
            raise Http404
        context = {"mine": cohort_summaries(mine.annotate(rank=self.order),
                                            order=("rank", "first_starts_at", "title"))}
        if user.is_staff:
            show = self.request.GET.get("show", "running")
            show = show if show in COHORT_FILTERS else "running"
            q = self.request.GET.get("q", "").strip()[:100]
            everyone = Cohort.objects.filter(
                status__in=COHORT_FILTERS[show][1], self_paced=False
            )
            for word in q.split()[:5]:
                everyone = everyone.filter(Q(title__icontains=word)
                                           | Q(course__title__icontains=word))
            page_obj, page_query = paginate(self.request, everyone.order_by("-created_at"), 25)
            ids = [c.pk for c in page_obj.object_list]
            by_pk = {c.pk: c for c in cohort_summaries(Cohort.objects.filter(pk__in=ids))}
            context.update(all_cohorts=[by_pk[pk] for pk in ids], page_obj=page_obj,
                           page_query=page_query, show=show, q=q,
                           filters=[(k, v[0]) for k, v in COHORT_FILTERS.items()])
        return super().get_context_data(**context, **kwargs)


class FacilitateCohortView(FacilitatorCohortMixin, TemplateView):
    """Applicants (approve/decline), the waitlist in order (promote/decline) and the roster."""

    template_name = "cohorts/facilitate_cohort.html"

    def get_context_data(self, **kwargs):
        """The decisions waiting (applicants, the waitlist in order); the seated learners
        are counted here and listed on the roster."""
        waiting = list(
            Enrollment.objects.filter(cohort=self.cohort, status__in=[S.PENDING, S.WAITLISTED])
            .select_related("user").only(*ROSTER_FIELDS)
            .order_by("waitlisted_at", "created_at", "pk")
        )
        counts = dict(
            Enrollment.objects.filter(cohort=self.cohort).values_list("status")
            .annotate(n=Count("pk")).order_by()
        )
        return super().get_context_data(
            pending=[e for e in waiting if e.status == S.PENDING],
            waitlist=[e for e in waiting if e.status == S.WAITLISTED],
            counts=counts,
            seated=sum(counts.get(s, 0) for s in SEAT_STATUSES),
            ended=sum(counts.get(s, 0) for s in HISTORY_STATUSES),
            decision_form=DecisionForm(),
            quorum_warnings=cohort_quorum_warnings(self.cohort),
            **kwargs,
        )


class FacilitateEnrollmentActionView(FacilitatorCohortMixin, View):
    """POST approve | decline | promote | remove on one enrollment of the cohort. Decline
    and remove first show a confirmation page (the message can still be edited there)."""

    http_method_names = ["post"]
    actions = {
        "approve": (enrollment_approve, True, gettext_lazy("%(name)s is approved.")),
        "decline": (enrollment_decline, True, gettext_lazy("%(name)s is declined.")),
        "promote": (enrollment_promote, False,
                    gettext_lazy("%(name)s is enrolled from the waitlist.")),
        "remove": (enrollment_remove, True, gettext_lazy("%(name)s is removed from the cohort.")),
    }
    confirm = {"decline", "remove"}

    def post(self, request, slug, pk, action):
        if action not in self.actions:
            raise Http404
        enrollment = get_object_or_404(
            Enrollment.objects.select_related("user"), pk=pk, cohort=self.cohort
        )
        service, takes_message, done = self.actions[action]
        kwargs = {"enrollment": enrollment, "actor": request.user}
        form = DecisionForm(request.POST) if takes_message else None
        if form is not None and (not form.is_valid() or (
            action in self.confirm and request.POST.get("confirmed") != "1"
        )):
            # Ask first (decline, remove), or say what is wrong with the message: the
            # decision never goes out with the message silently dropped.
            return render(request, "cohorts/facilitate_decision_confirm.html", {
                "cohort": self.cohort, "enrollment": enrollment, "action": action,
                "form": form, "next": self.safe_next(),
            }, status=200 if form.is_valid() else 400)
        if form is not None:
            kwargs["message"] = form.cleaned_data["message"]
        try:
            enrollment = service(**kwargs)
        except EnrollmentNotFound as exc:
            raise Http404 from exc
        except EnrollmentError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, self.done_message(action, done, enrollment))
        # Back to the filtered roster the action came from, or to the cohort.
        return redirect(self.safe_next() or reverse("facilitate_cohort", args=[self.cohort.slug]))

    def safe_next(self):
        next_url = self.request.POST.get("next", "")
        roster_url = reverse("facilitate_roster", args=[self.cohort.slug])
        if next_url.startswith(roster_url) and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()}
        ):
            return next_url
        return ""

    def done_message(self, action, done, enrollment):
        name = enrollment.user.display_name
        if action == "approve" and enrollment.status == S.WAITLISTED:
            return _("%(name)s is approved; every seat is taken, so they join the waitlist.") % {
                "name": name}
        text = str(done) % {"name": name}
        if action == "promote":
            taken = self.cohort.enrollments.seated().count()
            if taken > self.cohort.capacity:
                text += " " + _("The cohort is now over capacity (%(taken)s of %(capacity)s).") % {
                    "taken": taken, "capacity": self.cohort.capacity}
        return text


TRACK_FILTERS = {"": gettext_lazy("Everyone"), "yes": gettext_lazy("On track"),
                 "no": gettext_lazy("At risk")}


class RosterView(FacilitatorCohortMixin, TemplateView):
    template_name = "cohorts/facilitate_roster.html"

    def get_context_data(self, **kwargs):
        get = self.request.GET
        params = {
            "status": get.get("status", ""), "on_track": get.get("on_track", ""),
            "q": get.get("q", "").strip()[:100],
            "sort": get.get("sort", "name") if get.get("sort") in ROSTER_SORTS else "name",
            "desc": get.get("dir") == "desc",
        }
        everyone = roster(self.cohort, **params)
        page_obj, page_query = paginate(self.request, everyone.ids)
        rows = everyone.rows(page_obj.object_list)
        return super().get_context_data(
            rows=rows, rows_html=roster_rows(self.request, self.cohort, rows),
            page_obj=page_obj, page_query=page_query,
            total=len(everyone.ids), params=params, statuses=S.choices,
            sorts=[(k, v[0]) for k, v in ROSTER_SORTS.items()],
            track_filters=TRACK_FILTERS.items(), decision_form=DecisionForm(),
            at_risk=everyone.at_risk,
            quorum_warnings=cohort_quorum_warnings(self.cohort),
            **kwargs,
        )


def _percent(p):
    return "" if p is None or p.attendance_percent is None else f"{p.attendance_percent:.1f}"


class RosterExportView(FacilitatorCohortMixin, View):
    http_method_names = ["get"]
    # Translated when the download starts, in the request's language (csv_response).
    header = [gettext_lazy("Name"), gettext_lazy("Email"), gettext_lazy("Status"),
              gettext_lazy("Office or title"), gettext_lazy("Jurisdiction"),
              gettext_lazy("Jurisdiction type"), gettext_lazy("State"),
              gettext_lazy("Sessions held"), gettext_lazy("Attended"), gettext_lazy("Late"),
              gettext_lazy("Excused"), gettext_lazy("Absent"), gettext_lazy("Attendance %"),
              gettext_lazy("Modules done"), gettext_lazy("Modules required"),
              gettext_lazy("On track"), gettext_lazy("Eligible"),
              gettext_lazy("Accessibility needs")]

    def get(self, request, *args, **kwargs):
        rows = roster(self.cohort).rows()
        yes, no = _("yes"), _("no")

        def data():
            for e in rows:
                u, p = e.user, e.progress
                yield [u.display_name, u.email, e.get_status_display(), u.office_title,
                       u.jurisdiction_name, u.get_jurisdiction_type_display(), u.state,
                       *((p.sessions_held, p.attended, p.late, p.excused, p.absent,
                          _percent(p), p.modules_done, p.modules_required,
                          yes if p.on_track else no, yes if p.eligible else no)
                         if p else [""] * 10),
                       e.accessibility_needs]

        return csv_response(f"{self.cohort.slug}-roster.csv", self.header, data())
