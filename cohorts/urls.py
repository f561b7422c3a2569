from django.urls import path

from . import views, views_attendance, views_facilitate

va = views_attendance
SESSION = "facilitate/<slug:slug>/sessions/<int:session_pk>/"

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
    path("check-in/", va.check_in, name="check_in"),
    path("check-in/<str:code>/", va.check_in_code, name="check_in_code"),
    path("facilitate/<slug:slug>/roster/", va.RosterView.as_view(), name="facilitate_roster"),
    path("facilitate/<slug:slug>/roster.csv", va.RosterExportView.as_view(),
         name="facilitate_roster_csv"),
    path("facilitate/<slug:slug>/attendance.csv", va.AttendanceExportView.as_view(),
         name="facilitate_attendance_csv"),
    path("facilitate/<slug:slug>/attendance/", va.GridView.as_view(), name="facilitate_grid"),
    path("facilitate/<slug:slug>/sessions/", va.SessionListView.as_view(),
         name="facilitate_sessions"),
    path(SESSION, va.SessionDetailView.as_view(), name="facilitate_session"),
    path(SESSION + "attendance/", va.SheetView.as_view(), name="facilitate_sheet"),
    path(SESSION + "attendance/all-present/", va.MarkAllPresentView.as_view(),
         name="facilitate_all_present"),
    path(SESSION + "attendance/<int:enrollment_pk>/", va.SheetRowView.as_view(),
         name="facilitate_sheet_row"),
    path(SESSION + "live/", va.LiveView.as_view(), name="facilitate_live"),
    path(SESSION + "live/checked-in/", va.LivePartialView.as_view(),
         name="facilitate_live_partial"),
    path(SESSION + "import/", va.ImportView.as_view(), name="facilitate_import"),
    path(SESSION + "import/confirm/", va.ImportConfirmView.as_view(),
         name="facilitate_import_confirm"),
]
