from django.urls import include, path

from .views import (
    attendance,
    breakouts,
    check_in,
    facilitate,
    imports,
    learner,
    lifecycle,
    projector,
    self_paced,
)

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
    path("state/<str:action>/", lifecycle.CohortMoveView.as_view(), name="facilitate_move"),
    path("cancel/", lifecycle.CohortCancelView.as_view(), name="facilitate_cancel"),
    path("close/", lifecycle.CloseView.as_view(), name="facilitate_close"),
    path("close/progress/", lifecycle.CloseProgressView.as_view(),
         name="facilitate_close_progress"),
    path("capacity/", lifecycle.CapacityView.as_view(), name="facilitate_capacity"),
    path("announce/", lifecycle.AnnounceView.as_view(), name="facilitate_announce"),
    path("history/", lifecycle.HistoryView.as_view(), name="facilitate_history"),
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
    ("change/", lifecycle.SessionChangeView, "facilitate_session_change"),
    ("breakouts/", breakouts.BreakoutsView, "facilitate_breakouts"),
]
cohort_pages.append(path("sessions/<int:session_pk>/", include(
    [path(route, view.as_view(), name=name) for route, view, name in SESSION_PAGES]
)))

urlpatterns = [
    path("cohorts/<slug:slug>/", learner.cohort_detail, name="cohort_detail"),
    path("cohorts/<slug:slug>/enroll/", learner.cohort_enroll, name="cohort_enroll"),
    path("cohorts/<slug:slug>/calendar.ics", learner.cohort_calendar, name="cohort_calendar"),
    path("me/", learner.my_learning, name="my_learning"),
    path("me/modules/<int:pk>/complete/", self_paced.module_completion, name="module_complete"),
    path("me/courses/<int:pk>/start/", self_paced.self_paced_start_view,
         name="self_paced_start"),
    path("me/calendar/reset/", learner.calendar_reset, name="calendar_reset"),
    path("me/calendar/<str:token>.ics", learner.my_calendar, name="my_calendar"),
    path("me/enrollments/<int:pk>/withdraw/", learner.enrollment_withdraw_view,
         name="enrollment_withdraw"),
    path("check-in/", check_in.check_in, name="check_in"),
    path("check-in/<str:code>/", check_in.check_in_code, name="check_in_code"),
    path("facilitate/", facilitate.FacilitateHomeView.as_view(), name="facilitate_home"),
    path("facilitate/<slug:slug>/", include(cohort_pages)),
]
