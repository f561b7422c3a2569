"""Self check-in for learners: type the code shown in the room, or follow the QR code."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..forms import CheckInForm
from ..models import SEAT_STATUSES, Session
from ..services import AttendanceError, normalise_check_in_code, session_check_in


def _check_in(request, code):
    try:
        attendance = session_check_in(code=code, user=request.user)
    except AttendanceError as exc:
        return None, str(exc)
    return attendance, ""


@login_required
def check_in(request):
    """Type the code shown in the room."""
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        attendance, error = _check_in(request, form.cleaned_data["code"])
        if attendance:
            return render(request, "cohorts/check_in_done.html", {"attendance": attendance})
        form.add_error("code", error)
    return render(request, "cohorts/check_in.html", {"form": form})


@login_required
def check_in_code(request, code):
    """The QR code's link: GET asks to confirm (no check-in on a mere visit), POST checks in."""
    code = normalise_check_in_code(code)
    if request.method == "POST":
        attendance, error = _check_in(request, code)
        if attendance:
            return render(request, "cohorts/check_in_done.html", {"attendance": attendance})
        form = CheckInForm(initial={"code": code})
        return render(request, "cohorts/check_in.html", {"form": form, "error": error})
    session = (
        Session.objects.select_related("cohort")
        .filter(check_in_code=code, cohort__enrollments__user=request.user,
                cohort__enrollments__status__in=SEAT_STATUSES)
        .first()
    )
    return render(request, "cohorts/check_in_confirm.html", {"code": code, "session": session})
