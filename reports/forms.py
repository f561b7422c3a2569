"""The impact report's filters: a date range (default this calendar year), a course, a
partner organisation (staff only), a cohort status and a state."""

from datetime import date

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from academy.models import Organization
from cohorts.models import CohortStatus
from courses.models import CoursePage

from .labels import STATES
from .selectors import ImpactFilters, this_year

LONGEST_RANGE_DAYS = 366 * 10


class ImpactFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    course = forms.ModelChoiceField(
        queryset=CoursePage.objects.none(), label=_("Course"), required=False,
        empty_label=_("All courses"),
    )
    organization = forms.ModelChoiceField(
        label=_("Partner organization"), queryset=Organization.objects.none(), required=False,
        empty_label=_("All organizations"),
    )
    cohort_status = forms.ChoiceField(
        label=_("Cohort status"), required=False,
        choices=[("", _("Any status")), *CohortStatus.choices],
    )
    state = forms.ChoiceField(
        label=_("State or territory"), required=False,
        choices=[("", _("All states and territories")),
                 *STATES],
    )

    def __init__(self, data=None, *, scope_course_ids=None, today=None):
        start, end = this_year(today)
        initial = {"start": start, "end": end}
        merged = None
        if data is not None:
            merged = {key: data.get(key) for key in self.base_fields if data.get(key)}
            merged.setdefault("start", start.isoformat())
            merged.setdefault("end", end.isoformat())
        super().__init__(merged if merged is not None else initial)
        self.scope_course_ids = scope_course_ids
        courses = CoursePage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE  # translations share the original's
        ).order_by("title")
        if scope_course_ids is not None:
            courses = courses.filter(pk__in=scope_course_ids)
            # Partners see their own courses only: no organisation filter.
            del self.fields["organization"]
        else:
            self.fields["organization"].queryset = Organization.objects.filter(
                is_academy=False
            )
        self.fields["course"].queryset = courses.only("pk", "title")
        self.fields["course"].label_from_instance = lambda page: page.title

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end of the range must be on or after its start."))
            elif (end - start).days > LONGEST_RANGE_DAYS:
                self.add_error("end", _("Choose a range of ten years at the most."))
            elif start < date(2000, 1, 1) or end > date(2100, 12, 31):
                self.add_error("start", _("Choose dates between 2000 and 2100."))
        return data

    def filters(self) -> ImpactFilters:
        """The filters to report on (this year's, unfiltered, when the form is not valid)."""
        if self.is_valid():
            d = self.cleaned_data
            return ImpactFilters(
                start=d["start"], end=d["end"],
                course_id=d["course"].pk if d.get("course") else None,
                organization_id=d["organization"].pk if d.get("organization") else None,
                cohort_status=d.get("cohort_status") or "",
                state=d.get("state") or "",
                scope_course_ids=self.scope_course_ids,
            )
        start, end = this_year()
        return ImpactFilters(start=start, end=end, scope_course_ids=self.scope_course_ids)
