from django.urls import include, path

from .views import attendance, check_in, facilitate, imports, learner, projector

# The facilitator workspace: /facilitate/<cohort>/... and /facilitate/<cohort>/sessions/<pk>/...
cohort_pages = [
    path("", facilitate.FacilitateCohortView.as_view(), name="facilitate_cohort"),
    path("enrollments/<int:pk>/<str:action>/",
         facilitate.FacilitateEnrollmentActionView.as_view(),
         name="facilitate_enrollment_action"),
    path("roster/", facilitate.RosterView.as_view(), name="facilitate_roster"),
    path("roster.csv", facilitate.RosterExportView.as_view(), name="facilitate_roster_csv"),
    path("attendance.csv", attendance.AttendanceExportView.as_view(),
         name="facilitate_attendance_csv"),
    path("attendance/", attendance.GridView.as_view(), name="facilitate_grid"),
    path("sessions/", attendance.SessionListView.as_view(), name="facilitate_sessions"),
]
# (path under the session, view, URL name)
SESSION_PAGES = [
    ("", attendance.SessionDetailView, "facilitate_session"),
    ("attendance/", attendance.SheetView, "facilitate_sheet"),
    ("attendance/all-present/", attendance.MarkAllPresentView, "facilitate_all_present"),
    ("attendance/<int:enrollment_pk>/", attendance.SheetRowView, "facilitate_sheet_row"),
    ("live/", attendance.LiveView, "facilitate_live"),
    ("live/checked-in/", attendance.LivePartialView, "facilitate_live_partial"),
    ("live/projector/", projector.ProjectorView, "facilitate_projector"),
    ("live/projector/count/", projector.ProjectorCountView, "facilitate_projector_count"),
    ("import/", imports.ImportView, "facilitate_import"),
    ("import/confirm/", imports.ImportConfirmView, "facilitate_import_confirm"),
]
cohort_pages.append(path("sessions/<int:session_pk>/", include(
    [path(route, view.as_view(), name=name) for route, view, name in SESSION_PAGES]
)))

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
    path("facilitate/<slug:slug>/", include(cohort_pages)),
]
