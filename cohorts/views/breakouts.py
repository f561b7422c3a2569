"""Breakout groups of one session: the facilitator names a group for each seated learner;
the page warns when a group (or the room) gathers enough members of one public body."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import ngettext
from django.views.generic import FormView

from ..models import SEAT_STATUSES, BreakoutPlacement, Enrollment
from ..quorum_guard import session_quorum_warnings
from ..services import AttendanceError, breakouts_assign
from ..services.breakouts import MAX_GROUP_NAME
from .facilitate import SessionMixin


class BreakoutForm(forms.Form):
    """One text box per seated learner: the name of their group (blank: none)."""

    def __init__(self, *args, enrollments, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.enrollments = enrollments
        for e in enrollments:
            self.fields[f"group_{e.pk}"] = forms.CharField(
                label=e.user.display_name, required=False, max_length=MAX_GROUP_NAME,
                initial=current.get(e.pk, ""),
                help_text=e.user.office_title or None,
            )

    def groups(self):
        return {e.pk: self.cleaned_data.get(f"group_{e.pk}", "") for e in self.enrollments}


class BreakoutsView(SessionMixin, FormView):
    template_name = "cohorts/facilitate_breakouts.html"
    form_class = BreakoutForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["enrollments"] = list(
            Enrollment.objects.filter(cohort=self.cohort, status__in=SEAT_STATUSES)
            .select_related("user").order_by("user__last_name", "user__first_name", "pk")
        )
        kwargs["current"] = dict(
            BreakoutPlacement.objects.filter(session=self.session)
            .values_list("enrollment_id", "group")
        )
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            quorum_warnings=session_quorum_warnings(self.session), **kwargs
        )

    def form_valid(self, form):
        try:
            count = breakouts_assign(session=self.session, actor=self.request.user,
                                     groups=form.groups())
        except AttendanceError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, ngettext(
            "%(count)s learners placed in breakout groups.",
            "%(count)s learners placed in breakout groups.", count) % {"count": count})
        return redirect("facilitate_breakouts", slug=self.cohort.slug,
                        session_pk=self.session.pk)
