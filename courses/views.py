"""Learner views of the curriculum: module completion and My learning."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render

from .models import CoursePage, ModuleCompletion
from .selectors import course_progress
from .services import CurriculumError, module_complete, module_uncomplete


def module_completion(request, module):
    """POST /catalog/<course>/<module>/complete/ : mark done (or undo with action=undo)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(module.url)
    try:
        if request.POST.get("action") == "undo":
            module_uncomplete(user=request.user, module=module)
            messages.info(request, f"“{module.title}” is marked as not done.")
        else:
            module_complete(user=request.user, module=module)
            messages.success(request, f"“{module.title}” is marked complete.")
    except CurriculumError as exc:
        messages.error(request, str(exc))
    return redirect(module.url)


@login_required
def my_learning(request):
    """The official's courses with progress (cohorts are added by the cohorts app)."""
    course_ids = set(
        ModuleCompletion.objects.filter(user=request.user)
        .values_list("module__path", flat=True)
    )
    paths = {p[: -CoursePage.steplen] for p in course_ids}
    courses = list(CoursePage.objects.live().filter(path__in=paths).order_by("title"))
    rows = [(course, course_progress(request.user, course)) for course in courses]
    return render(request, "courses/my_learning.html", {"course_rows": rows})
