"""Wagtail admin: cohorts with their sessions edited inline, and an enrollment listing."""

import re

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import AdminDateTimeInput, AdminPageChooser
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from academy.inputs import posted_id
from academy.models import TIME_ZONE_CHOICES
from academy.viewsets import (
    AcademyEditView,
    AcademyIndexView,
    AcademyModelViewSet,
    ReadableColumn,
)
from academy.widgets import FilteredCheckboxSelectMultiple
from courses.models import CoursePage

from .models import Cohort, CohortStatus, Enrollment, Session
from .services import EnrollmentError, cohort_set_capacity, sessions_edited
from .services.locking import cohort_transaction, lock_cohort


class CohortEditView(AcademyEditView):
    """Staff edits go through the same rules as the workspace: the seats through
    cohort_set_capacity (promotions and emails, no going below the seats taken), moved
    sessions through sessions_edited (emails, calendar updates, no deleting once open).

    The form shows and reads times in the cohort's own zone (as the workspace does)."""

    def dispatch(self, request, *args, **kwargs):
        zone = Cohort.objects.filter(pk=self.object_pk).values_list("time_zone", flat=True).first()
        with timezone.override(zone or timezone.get_current_timezone()):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response

    def save_instance(self):
        new_capacity = self.form.cleaned_data["capacity"]
        with cohort_transaction():
            before = lock_cohort(self.object.pk)
            times = {s.pk: (s.starts_at, s.ends_at)
                     for s in Session.objects.filter(cohort=before)}
            self.form.instance.capacity = before.capacity
            self.form.instance.status = before.status
            instance = super().save_instance()
            cohort_set_capacity(cohort=instance, actor=self.request.user, capacity=new_capacity)
            sessions_edited(cohort=instance, actor=self.request.user, before=times)
        instance.refresh_from_db()
        return instance

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except EnrollmentError as exc:
            form.add_error(None, str(exc))
            self.produced_error_message = str(exc)
            return self.form_invalid(form)


class CohortIndexView(AcademyIndexView):
    def get_base_queryset(self):
        # The course and the session dates in the listing's query (no query per row).
        return super().get_base_queryset().select_related("course").with_dates()


class CohortDeleteView(generic.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(
            request.user, "delete", self.object
        ):
            messages.error(request, gettext("Only an empty draft is deleted; cancel this cohort "
                                            "from the facilitator workspace instead, so its "
                                            "people are told."))
            return redirect("cohorts_cohort:edit", self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class CohortPermissionPolicy(ModelPermissionPolicy):
    """A cohort is deleted only while it is an empty draft; otherwise it is cancelled (its
    people are told and its history is kept)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and (
            instance.status != CohortStatus.DRAFT or instance.enrollments.exists()
        ):
            return False
        return super().user_has_permission_for_instance(user, action, instance)


register_permission_policy(Cohort, CohortPermissionPolicy(Cohort))


class CohortAdminForm(WagtailAdminModelForm):
    """The cohort form, with the ids it is sent checked before Django looks them up: a
    course or facilitator id of 20 digits overflowed the database's integer (a 500). One
    that is not an id (course, facilitators, a session's) becomes 0, which matches nothing:
    "Select a valid choice". A
    sessions count of existing rows larger than the rows sent (modelcluster then reads
    ids that are not there: a 500) counts the rows sent."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            session_ids = [k for k in data if re.fullmatch(r"sessions-\d+-id", k)]
            for name in ("course", "facilitators", *session_ids):
                values = data.getlist(name) if hasattr(data, "getlist") else []
                cleaned = [v if v == "" or posted_id(v) is not None else "0" for v in values]
                if cleaned != values:
                    data.setlist(name, cleaned)
            initial = str(data.get("sessions-INITIAL_FORMS", ""))
            if initial.isascii() and initial.isdigit():  # else the formset says it is wrong
                wanted = min(int(initial[:6]) if len(initial) <= 6 else 10**6, 1000)
                sent = sum(1 for i in range(wanted) if f"sessions-{i}-id" in data)
                if str(sent) != initial:
                    data["sessions-INITIAL_FORMS"] = str(sent)
        super().__init__(data, *args, **kwargs)


class CoursePageChooser(AdminPageChooser):
    """Wagtail's page chooser, which looks up whatever was posted to show it again next to
    the form's errors: "abc", "²" or 5,000 digits were a 500 there. Not an id: nothing
    chosen (the form says the course is required)."""

    def get_instance(self, value):
        if value is not None and not isinstance(value, CoursePage) and posted_id(value) is None:
            return None
        return super().get_instance(value)


class CohortViewSet(AcademyModelViewSet):
    model = Cohort
    edit_view_class = CohortEditView
    index_view_class = CohortIndexView
    delete_view_class = CohortDeleteView
    icon = "group"
    menu_label = _("Cohorts")
    menu_name = "cohorts"  # not from the label: the same in every language
    list_display = [
        "title", "course", "status",
        ReadableColumn("first_starts_at", label=_("First session"), accessor="first_starts_at"),
        ReadableColumn("time_zone", label=_("Time zone"), accessor="time_zone_label"),
        "capacity", "enrollment_mode",
    ]
    list_filter = ["status", "enrollment_mode", "course"]
    search_fields = ["title", "slug"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("course", widget=CoursePageChooser(target_models=[CoursePage])),
        FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
        FieldPanel("description"),
        HelpPanel(
            content=_("<p>A new cohort starts as a draft. Open, start, close and cancel it "
                      "from its page in the facilitator workspace (Facilitate), where each step "
                      "tells the people it concerns. Changing the seats or a session's times "
                      "here emails the learners too; cancel a session in the workspace rather "
                      "than deleting it.</p>"),
            heading=_("How a cohort changes"),
        ),
        FieldPanel("facilitators", widget=FilteredCheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waitlist_enabled")]),
                FieldPanel("enrollment_mode"),
                FieldRowPanel(
                    [FieldPanel("enrollment_opens_at"), FieldPanel("enrollment_closes_at")]
                ),
            ],
            heading=_("Enrollment"),
        ),
        FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
        FieldPanel("min_attendance_percent"),
        InlinePanel(
            "sessions",
            heading=_("Sessions"),
            help_text=_("Times are in the cohort's time zone (above)."),
            label=_("Session"),
            panels=[
                FieldPanel("title"),
                FieldRowPanel(
                    [
                        FieldPanel("starts_at", widget=AdminDateTimeInput),
                        FieldPanel("ends_at", widget=AdminDateTimeInput),
                    ]
                ),
                FieldPanel("location"),
                FieldPanel("video_url"),
            ],
        ),
    ]
    edit_handler = ObjectList(panels, base_form_class=CohortAdminForm)

    def get_queryset(self, request):
        return Cohort.objects.select_related("course")

    def object_links(self, cohort):
        """Open, start, close and cancel are actions in the cohort's workspace, where each
        tells the people it concerns."""
        workspace = reverse("facilitate_cohort", args=[cohort.slug])
        links = [(gettext("Manage in the workspace (open, start, announce)"), workspace, "group")]
        if cohort.status == CohortStatus.IN_PROGRESS:
            links.append(
                (gettext("Close…"), reverse("facilitate_close", args=[cohort.slug]), "lock")
            )
        if cohort.status not in (CohortStatus.FINISHED, CohortStatus.CANCELLED):
            links.append(
                (gettext("Cancel…"), reverse("facilitate_cancel", args=[cohort.slug]), "cross")
            )
        return links


class EnrollmentPermissionPolicy(ModelPermissionPolicy):
    """Enrollments are created and deleted only through the rules (cohorts.services)."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Enrollment, EnrollmentPermissionPolicy(Enrollment))


class EnrollmentViewSet(AcademyModelViewSet):
    """Listing and inspection; status changes go through the facilitator page."""

    model = Enrollment
    icon = "user"
    menu_label = _("Enrollments")
    menu_name = "enrollments"
    list_display = ["user", "cohort", "status", "created_at", "status_changed_at"]
    list_filter = ["status", "cohort"]
    search_fields = ["user__email", "user__last_name", "cohort__title"]
    ordering = ["-status_changed_at"]
    form_fields = ["hopes", "accessibility_needs", "share_name"]
    inspect_view_fields = [
        "user", "cohort", "status", "hopes", "accessibility_needs", "share_name",
        "created_at", "status_changed_at", "waitlisted_at", "decision_message",
    ]

    def get_queryset(self, request):
        return Enrollment.objects.select_related("user", "cohort__course")


class CohortsGroup(ViewSetGroup):
    menu_label = _("Cohorts")
    menu_name = "cohorts"
    menu_icon = "group"
    menu_order = 220
    items = (
        CohortViewSet("cohorts_cohort", url_prefix="cohorts/cohort"),
        EnrollmentViewSet("cohorts_enrollment", url_prefix="cohorts/enrollment"),
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return CohortsGroup()
