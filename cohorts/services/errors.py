"""Domain errors of the cohorts rules: each message is written for the person who sees it,
in the language of the request that raised it."""

from django.utils.translation import gettext as _


class EnrollmentError(Exception):
    """An enrollment rule was broken."""

    def __init__(self, message, *, code="invalid"):
        super().__init__(message)
        self.code = code


class EnrollmentNotFound(EnrollmentError):
    """The actor may not touch this enrollment; views answer 404 (no 403 leak)."""

    def __init__(self):
        super().__init__(_("We could not find that enrollment."), code="not_found")


class CohortBusy(EnrollmentError):
    """Another change to the same cohort held its lock for longer than we wait."""

    def __init__(self):
        super().__init__(
            _("The cohort is busy with another change. Please try again in a moment."),
            code="busy",
        )


class AttendanceError(Exception):
    """An attendance or check-in rule was broken."""

    def __init__(self, message, *, code="invalid"):
        super().__init__(message)
        self.code = code


class SheetError(AttendanceError):
    """Some rows of an attendance sheet are wrong; `problems` is {enrollment_id: why}.
    Nothing of the sheet was saved."""

    def __init__(self, message, *, problems):
        super().__init__(message, code="sheet")
        self.problems = problems
