"""Learner views: a cohort, enrolling, withdrawing, My learning and calendars."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from academy.i18n import for_recipient, page_in
from courses.models import CoursePage, ModuleCompletion
from courses.selectors import progress_by_course

from .. import calendar as ics
from ..forms import EnrollForm
from ..models import CalendarToken, Cohort, CohortStatus, Enrollment, EnrollmentStatus, Session
from ..progress import enrollments_progress
from ..selectors import enrollment_offer, my_enrollment_groups, seats_left
from ..services import (
    EnrollmentError,
    EnrollmentNotFound,
    calendar_token_for,
    calendar_token_reset,
    enrollment_create,
    enrollment_withdraw,
)

STATUS_MESSAGES = {
    EnrollmentStatus.ENROLLED: gettext_lazy("You are enrolled. We have emailed you the details."),
    EnrollmentStatus.PENDING: gettext_lazy(
        "Thank you for applying. A facilitator will review your "
        "application; we will email you their decision."
    ),
    EnrollmentStatus.WAITLISTED: gettext_lazy(
        "Every seat is taken, so you are on the waitlist "
        "(number %(position)s). We will email you if a seat opens up."
    ),
}



def _load_cohort(request, slug):
    """The cohort with its course, seat count and facilitators; drafts only for the people
    who run it."""
    cohort = get_object_or_404(
        Cohort.objects.select_related("course").with_seats().prefetch_related("facilitators"),
        slug=slug,
    )
    if cohort.status == CohortStatus.DRAFT and not cohort.is_managed_by(request.user):
        raise Http404
    return cohort


def _own_enrollment(request, cohort):
    if not request.user.is_authenticated:
        return None
    return (
        Enrollment.objects.filter(cohort=cohort, user=request.user)
        .with_waitlist_position()
        .first()
    )


def _offer(request, cohort):
    return enrollment_offer(
        cohort, seats_taken=cohort.seats_taken, is_facilitator=cohort.has_facilitator(request.user)
    )


def cohort_detail(request, slug):
    cohort = _load_cohort(request, slug)
    manages = cohort.is_managed_by(request.user)
    context = {
        "cohort": cohort,
        "course": cohort.course,
        "facilitators": list(cohort.facilitators.all()),
        "sessions": list(cohort.sessions.all()),
        "enrollment": _own_enrollment(request, cohort),
        "manages": manages,
        "seats_left": seats_left(cohort),
        "offer": _offer(request, cohort),
        "now": timezone.now(),
        # Learners see their own zone; visitors and the cohort's facilitators the cohort's
        # (facilitators with their own beside it when it differs).
        "visitor_zone": cohort.time_zone
        if manages or not request.user.is_authenticated else "",
    }
    return render(request, "cohorts/cohort_detail.html", context)


@login_required
def cohort_enroll(request, slug):
    cohort = _load_cohort(request, slug)
    enrollment = _own_enrollment(request, cohort)
    if enrollment is not None and enrollment.is_active:
        messages.info(request, _("You already have a place in this cohort; see its status below."))
        return redirect(cohort)
    form = EnrollForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enrollment = enrollment_create(cohort=cohort, user=request.user, **form.cleaned_data)
        except EnrollmentError as exc:
            if exc.code == "duplicate":  # a double submit: the first one won
                messages.info(request, str(exc))
                return redirect(cohort)
            form.add_error(None, str(exc))
        else:
            message = str(STATUS_MESSAGES[enrollment.status]) % {
                "position": enrollment.waitlist_position
            }
            messages.success(request, message)
            return redirect(cohort)
    return render(
        request, "cohorts/enroll.html",
        {"cohort": cohort, "form": form, "offer": _offer(request, cohort)},
    )


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def cohort_calendar(request, slug):
    cohort = _load_cohort(request, slug)
    return _ics_response(ics.cohort_calendar(cohort, list(cohort.sessions.all())),
                         f"{cohort.slug}.ics")


def my_calendar(request, token):
    """Private feed: every session of the cohorts the token's owner is enrolled in."""
    owner = get_object_or_404(CalendarToken.objects.select_related("user"), token=token)
    sessions = list(
        Session.objects.filter(
            cohort__enrollments__user_id=owner.user_id,
            # Cancelled places stay in the feed so that calendars show the sessions
            # as cancelled instead of silently keeping them.
            cohort__enrollments__status__in=[
                EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED,
                EnrollmentStatus.NOT_COMPLETED, EnrollmentStatus.CANCELLED,
            ],
        )
        .exclude(cohort__status=CohortStatus.DRAFT)
        .select_related("cohort__course")
        .order_by("starts_at")
    )
    # A feed has no session or cookie: it speaks the owner's preferred language.
    with for_recipient(owner.user):
        content = ics.sessions_calendar(_("My Governance Academy sessions"), sessions)
    response = _ics_response(content, "academy.ics")
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
@require_POST
def calendar_reset(request):
    calendar_token_reset(user=request.user)
    messages.success(request, _("Your calendar link is new; the old one no longer works. "
                                "Subscribe again with the new link."))
    return redirect("my_learning")


@login_required
def my_learning(request):
    """The official's cohorts by status (next session, progress, links) and their courses."""
    user = request.user
    now = timezone.now()
    next_session = Session.objects.filter(cohort=OuterRef("cohort"), ends_at__gte=now).order_by(
        "starts_at"
    )
    enrollments = list(
        Enrollment.objects.filter(user=user)
        # "certificate" is the certificates app's reverse one-to-one (no import needed).
        .select_related("cohort__course", "certificate")
        .with_waitlist_position()
        .annotate(
            next_session_title=Subquery(next_session.values("title")[:1]),
            next_session_starts_at=Subquery(next_session.values("starts_at")[:1]),
        )
        .order_by("-status_changed_at")
    )
    started_paths = {
        path[: -CoursePage.steplen]
        for path in ModuleCompletion.objects.filter(user=user).values_list(
            "module__path", flat=True
        )
    }
    started = list(
        CoursePage.objects.live().filter(path__in=started_paths).order_by("title")
    )
    courses = {c.pk: c for c in started}
    for enrollment in enrollments:
        courses.setdefault(enrollment.cohort.course.pk, enrollment.cohort.course)
    progress = progress_by_course(user, courses.values())
    modules = {pk: {user.pk: (p.required_done, p.required_total)} for pk, p in progress.items()}
    completion = enrollments_progress(enrollments, now=now, modules=modules)
    for enrollment in enrollments:
        enrollment.progress = progress[enrollment.cohort.course.pk]
        enrollment.completion = completion.get(enrollment.pk)
    context = {
        "enrollment_groups": my_enrollment_groups(enrollments),
        "course_rows": [(course, progress[course.pk]) for course in started],
        "calendar_token": calendar_token_for(user),
        "catalog_url": page_in("/catalog/", get_language()),
    }
    return render(request, "cohorts/my_learning.html", context)


@login_required
def enrollment_withdraw_view(request, pk):
    """Confirmation page (GET) and the withdrawal itself (POST). Others' enrollments: 404."""
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("cohort__course"), pk=pk, user=request.user
    )
    if request.method == "POST":
        try:
            enrollment_withdraw(enrollment=enrollment, actor=request.user)
        except EnrollmentNotFound as exc:
            raise Http404 from exc
        except EnrollmentError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("You have withdrawn from %(cohort)s.")
                             % {"cohort": enrollment.cohort.title})
        return redirect("my_learning")
    if not enrollment.can_withdraw:
        messages.info(request, _("There is nothing to withdraw from."))
        return redirect("my_learning")
    return render(request, "cohorts/withdraw_confirm.html", {"enrollment": enrollment})
