"""The facilitator workspace: their cohorts, applicants, waitlist and roster.

Every view goes through FacilitatorCohortMixin: anonymous people are sent to log in,
anyone who is neither one of the cohort's facilitators nor staff gets a 404 (we do not
confirm that a cohort or an enrollment exists). Issue 4 adds sessions and attendance.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import TemplateView

from .forms import DecisionForm
from .models import Cohort, Enrollment, EnrollmentStatus
from .progress import at_risk_counts
from .selectors import seats_left
from .services import (
    EnrollmentError,
    EnrollmentNotFound,
    enrollment_approve,
    enrollment_decline,
    enrollment_promote,
    enrollment_remove,
)

S = EnrollmentStatus


class FacilitatorCohortMixin(LoginRequiredMixin):
    """Loads `self.cohort` from the URL's slug, or answers 404 to non-facilitators."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.cohort = self.get_cohort()
        return super().dispatch(request, *args, **kwargs)

    def get_cohort(self):
        cohorts = Cohort.objects.select_related("course").facilitated_by(self.request.user)
        return get_object_or_404(cohorts, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.cohort, **kwargs)


class FacilitateHomeView(LoginRequiredMixin, TemplateView):
    template_name = "cohorts/facilitate_home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        cohorts = list(
            Cohort.objects.facilitated_by(user)
            .select_related("course")
            .with_seats()
            .with_dates()
            .annotate(
                pending_count=Count(
                    "enrollments", filter=Q(enrollments__status=S.PENDING), distinct=True
                ),
                waitlist_count=Count(
                    "enrollments", filter=Q(enrollments__status=S.WAITLISTED), distinct=True
                ),
                enrolled_count=Count(
                    "enrollments", filter=Q(enrollments__status=S.ENROLLED), distinct=True
                ),
            )
            .order_by("status", "first_starts_at", "title")
        )
        if not cohorts and not user.is_staff:
            raise Http404
        at_risk = at_risk_counts(cohorts)
        for cohort in cohorts:
            cohort.seats_left = seats_left(cohort)
            cohort.at_risk = at_risk.get(cohort.pk, 0)
        return super().get_context_data(cohorts=cohorts, **kwargs)


class FacilitateCohortView(FacilitatorCohortMixin, TemplateView):
    """Applicants (approve/decline), the waitlist in order (promote/decline) and the roster."""

    template_name = "cohorts/facilitate_cohort.html"

    def get_context_data(self, **kwargs):
        rows = list(
            Enrollment.objects.filter(cohort=self.cohort)
            .select_related("user")
            .order_by("waitlisted_at", "created_at", "pk")
        )
        by_status = {status: [] for status in S.values}
        for row in rows:
            by_status[row.status].append(row)
        seated = len(by_status[S.ENROLLED]) + len(by_status[S.COMPLETED])
        return super().get_context_data(
            pending=by_status[S.PENDING],
            waitlist=by_status[S.WAITLISTED],
            enrolled=by_status[S.ENROLLED] + by_status[S.COMPLETED],
            others=by_status[S.WITHDRAWN] + by_status[S.DECLINED],
            seated=seated,
            sessions=list(self.cohort.sessions.all()),
            decision_form=DecisionForm(),
            **kwargs,
        )


class FacilitateEnrollmentActionView(FacilitatorCohortMixin, View):
    """POST approve | decline | promote | remove on one enrollment of the cohort."""

    http_method_names = ["post"]
    actions = {
        "approve": (enrollment_approve, True, "{name} is approved."),
        "decline": (enrollment_decline, True, "{name} is declined."),
        "promote": (enrollment_promote, False, "{name} is enrolled from the waitlist."),
        "remove": (enrollment_remove, True, "{name} is removed from the cohort."),
    }

    def post(self, request, slug, pk, action):
        if action not in self.actions:
            raise Http404
        enrollment = get_object_or_404(
            Enrollment.objects.select_related("user"), pk=pk, cohort=self.cohort
        )
        service, takes_message, done = self.actions[action]
        kwargs = {"enrollment": enrollment, "actor": request.user}
        if takes_message:
            form = DecisionForm(request.POST)
            kwargs["message"] = form.cleaned_data["message"] if form.is_valid() else ""
        try:
            enrollment = service(**kwargs)
        except EnrollmentNotFound as exc:
            raise Http404 from exc
        except EnrollmentError as exc:
            messages.error(request, str(exc))
        else:
            text = done.format(name=enrollment.user.display_name)
            if action == "approve" and enrollment.status == S.WAITLISTED:
                text = (f"{enrollment.user.display_name} is approved; every seat is taken, so "
                        "they join the waitlist.")
            if action == "promote":
                taken = self.cohort.enrollments.seated().count()
                if taken > self.cohort.capacity:
                    text += f" The cohort is now over capacity ({taken} of {self.cohort.capacity})."
            messages.success(request, text)
        next_url = request.POST.get("next", "")
        roster_url = reverse("facilitate_roster", args=[self.cohort.slug])
        if next_url.startswith(roster_url) and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}
        ):
            return redirect(next_url)  # back to the filtered roster the action came from
        return redirect("facilitate_cohort", slug=self.cohort.slug)
