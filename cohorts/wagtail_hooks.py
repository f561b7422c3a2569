"""Wagtail admin: cohorts with their sessions edited inline, and an enrollment listing."""

from django import forms
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from academy.models import TIME_ZONE_CHOICES
from academy.viewsets import AcademyModelViewSet

from .models import Cohort, Enrollment


class CohortViewSet(AcademyModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = "Cohorts"
    list_display = ["title", "course", "status", "capacity", "enrollment_mode"]
    list_filter = ["status", "enrollment_mode", "course"]
    search_fields = ["title", "slug"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("course"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
        FieldPanel("description"),
        FieldPanel("status"),
        FieldPanel("facilitators"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waitlist_enabled")]),
                FieldPanel("enrollment_mode"),
                FieldRowPanel(
                    [FieldPanel("enrollment_opens_at"), FieldPanel("enrollment_closes_at")]
                ),
            ],
            heading="Enrollment",
        ),
        FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
        FieldPanel("min_attendance_percent"),
        InlinePanel(
            "sessions",
            heading="Sessions",
            label="Session",
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

    def get_queryset(self, request):
        return Cohort.objects.select_related("course")


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
    menu_label = "Enrollments"
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
    menu_label = "Cohorts"
    menu_icon = "group"
    menu_order = 220
    items = (
        CohortViewSet("cohorts_cohort", url_prefix="cohorts/cohort"),
        EnrollmentViewSet("cohorts_enrollment", url_prefix="cohorts/enrollment"),
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return CohortsGroup()
