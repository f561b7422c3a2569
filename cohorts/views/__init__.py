"""Cohort views by audience: learner (cohort page, enrolling, My learning, calendars),
facilitate (workspace, applicants, roster), attendance (sessions, sheet, grid, exports,
live screen), check_in (learners' self check-in) and imports (meeting reports)."""
