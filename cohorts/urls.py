from django.urls import path

from .views import attendance, check_in, facilitate, imports, learner

COHORT = "facilitate/<slug:slug>/"
SESSION = COHORT + "sessions/<int:session_pk>/"

urlpatterns = [
    path("cohorts/<slug:slug>/", learner.cohort_detail, name="cohort_detail"),
    path("cohorts/<slug:slug>/enroll/", learner.cohort_enroll, name="cohort_enroll"),
    path("cohorts/<slug:slug>/calendar.ics", learner.cohort_calendar, name="cohort_calendar"),
    path("me/", learner.my_learning, name="my_learning"),
    path("me/calendar/reset/", learner.calendar_reset, name="calendar_reset"),
    path("me/calendar/<str:token>.ics", learner.my_calendar, name="my_calendar"),
    path("me/enrollments/<int:pk>/withdraw/", learner.enrollment_withdraw_view,
         name="enrollment_withdraw"),
    path("check-in/", check_in.check_in, name="check_in"),
    path("check-in/<str:code>/", check_in.check_in_code, name="check_in_code"),
    path("facilitate/", facilitate.FacilitateHomeView.as_view(), name="facilitate_home"),
    path(COHORT, facilitate.FacilitateCohortView.as_view(), name="facilitate_cohort"),
    path(COHORT + "enrollments/<int:pk>/<str:action>/",
         facilitate.FacilitateEnrollmentActionView.as_view(),
         name="facilitate_enrollment_action"),
    path(COHORT + "roster/", facilitate.RosterView.as_view(), name="facilitate_roster"),
    path(COHORT + "roster.csv", facilitate.RosterExportView.as_view(),
         name="facilitate_roster_csv"),
    path(COHORT + "attendance.csv", attendance.AttendanceExportView.as_view(),
         name="facilitate_attendance_csv"),
    path(COHORT + "attendance/", attendance.GridView.as_view(), name="facilitate_grid"),
    path(COHORT + "sessions/", attendance.SessionListView.as_view(),
         name="facilitate_sessions"),
    path(SESSION, attendance.SessionDetailView.as_view(), name="facilitate_session"),
    path(SESSION + "attendance/", attendance.SheetView.as_view(), name="facilitate_sheet"),
    path(SESSION + "attendance/all-present/", attendance.MarkAllPresentView.as_view(),
         name="facilitate_all_present"),
    path(SESSION + "attendance/<int:enrollment_pk>/", attendance.SheetRowView.as_view(),
         name="facilitate_sheet_row"),
    path(SESSION + "live/", attendance.LiveView.as_view(), name="facilitate_live"),
    path(SESSION + "live/checked-in/", attendance.LivePartialView.as_view(),
         name="facilitate_live_partial"),
    path(SESSION + "import/", imports.ImportView.as_view(), name="facilitate_import"),
    path(SESSION + "import/confirm/", imports.ImportConfirmView.as_view(),
         name="facilitate_import_confirm"),
]
