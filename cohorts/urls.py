from django.urls import path

from . import views, views_facilitate

urlpatterns = [
    path("cohorts/<slug:slug>/", views.cohort_detail, name="cohort_detail"),
    path("cohorts/<slug:slug>/enroll/", views.cohort_enroll, name="cohort_enroll"),
    path("cohorts/<slug:slug>/calendar.ics", views.cohort_calendar, name="cohort_calendar"),
    path("me/", views.my_learning, name="my_learning"),
    path("me/calendar/reset/", views.calendar_reset, name="calendar_reset"),
    path("me/calendar/<str:token>.ics", views.my_calendar, name="my_calendar"),
    path(
        "me/enrollments/<int:pk>/withdraw/",
        views.enrollment_withdraw_view,
        name="enrollment_withdraw",
    ),
    path("facilitate/", views_facilitate.FacilitateHomeView.as_view(), name="facilitate_home"),
    path(
        "facilitate/<slug:slug>/",
        views_facilitate.FacilitateCohortView.as_view(),
        name="facilitate_cohort",
    ),
    path(
        "facilitate/<slug:slug>/enrollments/<int:pk>/<str:action>/",
        views_facilitate.FacilitateEnrollmentActionView.as_view(),
        name="facilitate_enrollment_action",
    ),
]
